package dev.scvcdk.lambdas.common.media.kvs;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Set;

/**
 * Where GetMedia starts reading: at a fragment ({@code FRAGMENT_NUMBER}: that fragment is the first one returned)
 * or at the stream's newest data ({@code NOW}).
 *
 * @param type                {@code FRAGMENT_NUMBER} or {@code NOW}
 * @param afterFragmentNumber the first fragment returned, for {@code FRAGMENT_NUMBER}; null for {@code NOW}
 */
public record StartSelector(String type, String afterFragmentNumber) {
    public static final String FRAGMENT_NUMBER = "FRAGMENT_NUMBER";
    public static final String NOW = "NOW";
    /** The types there are ({@code START_SELECTOR_TYPE}'s values). */
    public static final Set<String> TYPES = Set.of(FRAGMENT_NUMBER, NOW);

    public StartSelector {
        Objects.requireNonNull(type, "type");
        if (FRAGMENT_NUMBER.equals(type)) {
            if (afterFragmentNumber == null || !afterFragmentNumber.matches("[0-9]{1,128}")) {
                throw new IllegalArgumentException("AfterFragmentNumber is '" + afterFragmentNumber
                        + "': must be a Kinesis Video fragment number (decimal digits)");
            }
        } else if (NOW.equals(type)) {
            if (afterFragmentNumber != null) {
                throw new IllegalArgumentException("a NOW start selector takes no fragment number");
            }
        } else {
            throw new IllegalArgumentException("StartSelectorType is '" + type + "': must be " + FRAGMENT_NUMBER
                    + " or " + NOW);
        }
    }

    /** Starts at fragment {@code fragmentNumber} (included). */
    public static StartSelector fragmentNumber(String fragmentNumber) {
        return new StartSelector(FRAGMENT_NUMBER, fragmentNumber);
    }

    /** As {@link #fragmentNumber(String)}. */
    public static StartSelector fragmentNumber(BigInteger fragmentNumber) {
        return fragmentNumber(fragmentNumber.toString());
    }

    /** Starts at the newest data, skipping everything already in the stream. */
    public static StartSelector now() {
        return new StartSelector(NOW, null);
    }
}
