package dev.scvcdk.lambdas.customresource;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Removes secret values from text that is about to leave the function (a FAILED Reason, a log line). */
public final class Redaction {

    private Redaction() {
    }

    /**
     * {@code text} with every occurrence of each non-empty value in {@code secrets} replaced by
     * {@code replacement}; longer values first, so a secret containing another is removed whole.
     */
    public static String scrub(String text, Set<String> secrets, String replacement) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        List<String> ordered = secrets.stream().filter(s -> s != null && !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        String result = text;
        for (String secret : ordered) {
            result = result.replace(secret, replacement);
        }
        return result;
    }
}
