package dev.scvcdk.lambdas.restapi.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.lambdas.restapi.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SalesforceNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Phone", "Score__c", "ns__Thing__c", "Account_Number2", "MobilePhone"})
    void plainApiNamesAreIdentifiers(String name) {
        assertThat(SalesforceNames.isIdentifier(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1Phone", "_Phone", "Name'", "Name OR Id", "Name=1", "Phone;", "OR", "select", "Id.Name", "Näme"})
    void anythingElseIsNotAnIdentifier(String name) {
        assertThat(SalesforceNames.isIdentifier(name)).isFalse();
    }

    @Test
    void relationshipPathsAreFieldPaths() {
        assertThat(SalesforceNames.isFieldPath("Account.Owner.Name")).isTrue();
        assertThat(SalesforceNames.isFieldPath("Parent__r.Score__c")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Account.", ".Name", "Account..Name", "Account.Name FROM User", "Account.(Name)"})
    void brokenPathsAreRejected(String path) {
        assertThat(SalesforceNames.isFieldPath(path)).isFalse();
    }

    @Test
    void fieldListIsSplitTrimmedAndValidated() {
        assertThat(SalesforceNames.requireFieldList("sf_fields", "Id, Name ,Account.Name"))
                .containsExactly("Id", "Name", "Account.Name");
    }

    @Test
    void fieldListWithAnInjectedClauseFailsNamingParameterAndValue() {
        assertThatThrownBy(() -> SalesforceNames.requireFieldList("sf_fields", "Id, Name FROM User WHERE Id != null"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("sf_fields")
                .hasMessageContaining("'Name FROM User WHERE Id != null'");
    }

    @Test
    void recordIdsMustBe15Or18Alphanumerics() {
        assertThat(SalesforceNames.requireRecordId("recordId", "5003000000D8cuI")).isEqualTo("5003000000D8cuI");
        assertThat(SalesforceNames.requireRecordId("recordId", "5003000000D8cuIQAR")).isEqualTo("5003000000D8cuIQAR");
        assertThatThrownBy(() -> SalesforceNames.requireRecordId("recordId", "../../query?q=x"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("recordId")
                .hasMessageContaining("'../../query?q=x'");
    }

    @ParameterizedTest
    @CsvSource({"CASE,Case", "case,Case", "contact,Contact", "Contact,Contact", "VoiceCall,VoiceCall",
        "Call_Note__c,Call_Note__c", "CALL_NOTE__c,CALL_NOTE__c", "ns__Thing__c,ns__Thing__c"})
    void objectNamesAreNormalisedLikeScv(String given, String expected) {
        assertThat(SalesforceNames.normaliseObjectName("objectApiName", given)).isEqualTo(expected);
    }

    @Test
    void objectNameThatIsNotAnIdentifierIsRejected() {
        assertThatThrownBy(() -> SalesforceNames.normaliseObjectName("objectApiName", "Case/../../x"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("objectApiName");
    }
}
