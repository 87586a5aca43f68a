package dev.scvcdk.lambdas.restapi.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.lambdas.restapi.InvalidRequestException;
import dev.scvcdk.lambdas.restapi.query.QueryTemplate.Syntax;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryTemplateTest {

    @Test
    void everyOccurrenceOfEveryPlaceholderIsFilled() {
        // GIVEN a template that uses one placeholder twice and another once
        String template = "SELECT Id FROM Contact WHERE Phone = '{phone}' OR MobilePhone = '{phone}' OR Email = '{email}'";

        // WHEN filled
        String soql = QueryTemplate.fillSoql("soql", template,
                Map.of("phone", "+14155550100", "email", "a@example.com"), Syntax.SINGLE_BRACE);

        // THEN all three are replaced
        assertThat(soql).isEqualTo("SELECT Id FROM Contact WHERE Phone = '+14155550100'"
                + " OR MobilePhone = '+14155550100' OR Email = 'a@example.com'");
    }

    @Test
    void quotedValueCannotBreakOutOfItsLiteral() {
        String soql = QueryTemplate.fillSoql("soql", "SELECT Id FROM Case WHERE Subject = '{s}'",
                Map.of("s", "' OR Name != '"), Syntax.SINGLE_BRACE);

        assertThat(soql).isEqualTo("SELECT Id FROM Case WHERE Subject = '\\' OR Name != \\''");
    }

    @Test
    void likePatternKeepsTheTemplatesWildcardsButEscapesTheCallers() {
        String soql = QueryTemplate.fillSoql("query", "select Id from Contact where Phone LIKE '%{{number}}%'",
                Map.of("number", "%_'"), Syntax.DOUBLE_BRACE);

        assertThat(soql).isEqualTo("select Id from Contact where Phone LIKE '%\\%\\_\\'%'");
    }

    @Test
    void doubleBracePlaceholdersMayHoldSpaces() {
        String soql = QueryTemplate.fillSoql("query", "select {{ field }} from {{object}}",
                Map.of("field", "Id", "object", "Task"), Syntax.DOUBLE_BRACE);

        assertThat(soql).isEqualTo("select Id from Task");
    }

    @Test
    void unquotedPlaceholderAcceptsFieldListsNumbersAndDates() {
        String soql = QueryTemplate.fillSoql("soql",
                "SELECT {f} FROM Case WHERE CreatedDate > {d} AND Score__c > {n} AND ClosedDate = {rel} LIMIT {n}",
                Map.of("f", "Id,  Account.Name", "d", "2026-01-31T10:00:00Z", "n", "5", "rel", "LAST_N_DAYS:30"),
                Syntax.SINGLE_BRACE);

        assertThat(soql).isEqualTo("SELECT Id, Account.Name FROM Case WHERE CreatedDate > 2026-01-31T10:00:00Z"
                + " AND Score__c > 5 AND ClosedDate = LAST_N_DAYS:30 LIMIT 5");
    }

    @Test
    void unquotedPlaceholderRejectsFreeText() {
        assertThatThrownBy(() -> QueryTemplate.fillSoql("query", "select {{field}} from Task",
                Map.of("field", "Id FROM User WHERE Name != null"), Syntax.DOUBLE_BRACE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'field'")
                .hasMessageContaining("'Id FROM User WHERE Name != null'")
                .hasMessageContaining("outside quotes");
    }

    @Test
    void unquotedPlaceholderRejectsKeywords() {
        assertThatThrownBy(() -> QueryTemplate.fillSoql("soql", "SELECT Id FROM Case WHERE IsClosed = false {x} Id != null",
                Map.of("x", "OR"), Syntax.SINGLE_BRACE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'OR'");
    }

    @Test
    void placeholderWithoutParameterFailsNamingIt() {
        assertThatThrownBy(() -> QueryTemplate.fillSoql("soql", "SELECT Id FROM Case WHERE Id = '{caseId}'",
                Map.of(), Syntax.SINGLE_BRACE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'soql'")
                .hasMessageContaining("'{caseId}'")
                .hasMessageContaining("'caseId'");
    }

    @Test
    void escapedQuoteInTheTemplateDoesNotEndTheLiteral() {
        String soql = QueryTemplate.fillSoql("soql", "SELECT Id FROM Case WHERE Subject = 'it\\'s {s}'",
                Map.of("s", "x'y"), Syntax.SINGLE_BRACE);

        assertThat(soql).isEqualTo("SELECT Id FROM Case WHERE Subject = 'it\\'s x\\'y'");
    }

    @Test
    void soslPlaceholderInsideTheSearchTermIsSoslEscaped() {
        String sosl = QueryTemplate.fillSosl("FIND {{phone}} IN PHONE FIELDS RETURNING Contact(Id)",
                Map.of("phone", "1} RETURNING User(Id) FIND {2"));

        assertThat(sosl).isEqualTo("FIND {1\\} RETURNING User\\(Id\\) FIND \\{2} IN PHONE FIELDS RETURNING Contact(Id)");
    }

    @Test
    void soslPlaceholderRightAfterFindBecomesABracedTerm() {
        String sosl = QueryTemplate.fillSosl("FIND {phone} IN PHONE FIELDS RETURNING Contact(Id)",
                Map.of("phone", "+1 (415) 555-0100"));

        assertThat(sosl).isEqualTo("FIND {\\+1 \\(415\\) 555\\-0100} IN PHONE FIELDS RETURNING Contact(Id)");
    }

    @Test
    void soslBracesThatNameNoParameterAreTheTemplatesOwnSearchTerm() {
        String sosl = QueryTemplate.fillSosl("FIND {Acme} IN NAME FIELDS RETURNING Account(Id WHERE Type = '{type}')",
                Map.of("type", "x' OR Name != 'y"));

        assertThat(sosl).isEqualTo("FIND {Acme} IN NAME FIELDS RETURNING Account(Id WHERE Type = 'x\\' OR Name != \\'y')");
    }
}
