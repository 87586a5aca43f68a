package dev.scvcdk.lambdas.restapi;

import static dev.scvcdk.lambdas.restapi.RestApiRig.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.lambdas.common.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Caller-supplied values in both contracts: whatever they hold, the query Salesforce receives keeps
 * the template's shape — values stay inside their literals or search terms, names stay names.
 */
class QueryInjectionTest extends RestApiRig.PerTest {

    private static final String NO_RECORDS = "{\"totalSize\":0,\"done\":true,\"records\":[]}";

    @BeforeEach
    void answerWithNoRecords() {
        rig.salesforce.reply("GET", "/query", 200, NO_RECORDS).reply("GET", "/search", 200, "{\"searchRecords\":[]}");
    }

    private String receivedQuery() {
        return rig.salesforce.onlyRequest().query().get("q");
    }

    @Test
    void queryRecordPlaceholdersStayInsideTheirLiterals() {
        // GIVEN {phone} = "' OR Name != '" and a LIKE placeholder full of quotes and wildcards
        invoke(handler, "scv-queryRecord-injection");

        // THEN both are escaped: quotes cannot close the literal, % and _ match only themselves
        assertThat(receivedQuery()).isEqualTo("SELECT Id FROM Contact WHERE Phone = '\\' OR Name != \\''"
                + " AND Name LIKE '\\%\\' OR Id != null OR Name LIKE \\'\\_%'");
    }

    @Test
    void searchRecordPlaceholdersCannotLeaveTheSearchTermOrTheWhereLiteral() {
        invoke(handler, "scv-searchRecord-injection");

        assertThat(receivedQuery()).isEqualTo("FIND {1\\} RETURNING User\\(Id, Username\\) FIND \\{\\*} IN PHONE FIELDS"
                + " RETURNING Contact(Id, Name WHERE LastName != 'x\\' OR Name != \\'y')");
    }

    @Test
    void fetchOutboundPhoneNumberEscapesTheAgentArn() {
        invoke(handler, "scv-fetchOutboundPhoneNumber-injection");

        assertThat(receivedQuery()).contains("WHERE ExternalId = 'x\\') OR Id != null OR ExternalId IN (\\'y') LIMIT 1");
    }

    @Test
    void lookupConditionValuesAreLiteralsAndPhoneConditionsKeepOnlyDigits() {
        // GIVEN a quote-breaking last name, a lone wildcard and a phone value carrying a clause
        invoke(handler, "sf-lookup-injection");

        // THEN the last name is escaped, % compares for equality (no wildcard), the phone becomes its digits
        assertThat(receivedQuery()).isEqualTo("SELECT Id, Name FROM Contact WHERE LastName = '\\' OR Name != \\''"
                + " AND Email = '%' AND mobilephone LIKE '%415%555%0100%'");
    }

    @Test
    void lookupConditionNameThatIsNotAFieldIsRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> invoke(handler, "sf-lookup-fieldname-injection"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Name = 'x' OR Id");
        assertThat(rig.salesforce.requests()).isEmpty();
    }

    @Test
    void phoneLookupSearchesOnlyTheDigitsOfTheNumber() {
        invoke(handler, "sf-phoneLookup-injection");

        assertThat(receivedQuery()).isEqualTo("FIND {1415555} IN PHONE FIELDS RETURNING Contact(Id, Name)");
    }

    @Test
    void queryPlaceholdersAreEscapedForTheirLikeAndEqualityLiterals() {
        invoke(handler, "sf-query-injection");

        assertThat(receivedQuery()).isEqualTo("select Id from Contact where Phone LIKE '%\\%\\' OR Name != \\'%'"
                + " and LastName = '\\\\\\' OR Name != \\\\\\''");
    }

    @Test
    void queryPlaceholderOutsideQuotesMustBeANameNotAClause() {
        assertThatThrownBy(() -> invoke(handler, "sf-query-identifier-injection"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'object'")
                .hasMessageContaining("User WHERE Profile.Name = 'System Administrator'");
        assertThat(rig.salesforce.requests()).isEmpty();
    }

    @Test
    void queryOnePlaceholderCannotWidenTheMatch() {
        invoke(handler, "sf-queryOne-injection");

        assertThat(receivedQuery()).isEqualTo("select Id from Case where CaseNumber = '1\\' OR CaseNumber != \\'1'");
        assertThat(rig.salesforce.onlyRequest().query()).containsOnlyKeys("q");
    }

    @Test
    void sfFieldsCarryingAClauseAreRejected() {
        var event = Json.toMap(RestApiRig.fixture("sf-phoneLookup"));
        ScvRestMethodsTest.castMap(ScvRestMethodsTest.castMap(event.get("Details")).get("Parameters"))
                .put("sf_fields", "Id) RETURNING User(Username");

        assertThatThrownBy(() -> RestApiRig.invoke(handler, event))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("sf_fields");
        assertThat(rig.salesforce.requests()).isEmpty();
    }
}
