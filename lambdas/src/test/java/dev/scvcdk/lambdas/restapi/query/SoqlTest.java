package dev.scvcdk.lambdas.restapi.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoqlTest {

    @Test
    void literalEscapingNeutralisesQuotesBackslashesAndControlCharacters() {
        // GIVEN a value carrying every character SOQL escapes in a literal
        String value = "a\\b'c\"d\ne\rf\tg\bh\fi";

        // WHEN it is escaped for a literal
        String escaped = Soql.escapeLiteral(value);

        // THEN each one is backslash-escaped and nothing else changes
        assertThat(escaped).isEqualTo("a\\\\b\\'c\\\"d\\ne\\rf\\tg\\bh\\fi");
    }

    @Test
    void literalEscapingKeepsLikeWildcardsAsPlainCharacters() {
        assertThat(Soql.escapeLiteral("50%_off")).isEqualTo("50%_off");
    }

    @Test
    void likeEscapingAlsoEscapesWildcards() {
        assertThat(Soql.escapeLike("50%_off'")).isEqualTo("50\\%\\_off\\'");
    }

    @Test
    void classicInjectionCannotCloseTheLiteral() {
        String escaped = Soql.escapeLiteral("' OR Name != '");

        assertThat(escaped).isEqualTo("\\' OR Name != \\'");
        assertThat(escaped.replace("\\'", "")).doesNotContain("'");
    }
}
