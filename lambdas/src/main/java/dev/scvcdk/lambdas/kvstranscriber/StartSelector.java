package dev.scvcdk.lambdas.kvstranscriber;

import java.util.Locale;
import java.util.Set;

/**
 * GetMedia's {@code StartSelector}: {@code {StartSelectorType: FRAGMENT_NUMBER, AfterFragmentNumber: n}} (that
 * fragment included) or {@code {StartSelectorType: NOW}}.
 *
 * @param type                {@link #FRAGMENT_NUMBER} or {@link #NOW}
 * @param afterFragmentNumber the contact's start fragment for {@link #FRAGMENT_NUMBER}, else null
 */
public record StartSelector(String type, String afterFragmentNumber) {
    public static final String FRAGMENT_NUMBER = "FRAGMENT_NUMBER";
    public static final String NOW = "NOW";
    /** The values {@code START_SELECTOR_TYPE} may take. */
    public static final Set<String> TYPES = Set.of(FRAGMENT_NUMBER, NOW);

    public StartSelector {
        type = type.toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("start selector type is '" + type + "': must be one of " + TYPES);
        }
        if (FRAGMENT_NUMBER.equals(type) == (afterFragmentNumber == null)) {
            throw new IllegalArgumentException("a fragment number goes with FRAGMENT_NUMBER only");
        }
    }

    public static StartSelector fragment(String afterFragmentNumber) {
        return new StartSelector(FRAGMENT_NUMBER, afterFragmentNumber);
    }

    public static StartSelector now() {
        return new StartSelector(NOW, null);
    }
}
