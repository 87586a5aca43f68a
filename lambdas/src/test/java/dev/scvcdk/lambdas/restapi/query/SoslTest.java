package dev.scvcdk.lambdas.restapi.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoslTest {

    @Test
    void everyReservedCharacterIsBackslashEscaped() {
        // GIVEN every SOSL reserved character
        String reserved = "?&|!{}[]()^~*:\\\"'+-";

        // WHEN escaped as a search term
        String escaped = Sosl.escapeTerm(reserved);

        // THEN each carries a backslash in front
        assertThat(escaped).isEqualTo("\\?\\&\\|\\!\\{\\}\\[\\]\\(\\)\\^\\~\\*\\:\\\\\\\"\\'\\+\\-");
    }

    @Test
    void plainDigitsAndLettersAreUnchanged() {
        assertThat(Sosl.escapeTerm("4155550100 Acme")).isEqualTo("4155550100 Acme");
    }

    @Test
    void controlCharactersBecomeSpaces() {
        assertThat(Sosl.escapeTerm("a\nb\tc")).isEqualTo("a b c");
    }

    @Test
    void aValueCannotCloseTheSearchTermBraces() {
        String escaped = Sosl.escapeTerm("x} RETURNING User(Id) FIND {y");

        assertThat(escaped).isEqualTo("x\\} RETURNING User\\(Id\\) FIND \\{y");
    }
}
