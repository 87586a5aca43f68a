package dev.scvcdk.policies.statements;

import static dev.scvcdk.policies.PolicyJson.actions;
import static dev.scvcdk.policies.PolicyJson.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.policies.PolicyJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementsTest {

    @Test
    void rejectsASidThatIsNotAlphanumeric() {
        assertThatThrownBy(() -> Statements.allow("Read-Streams"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Read-Streams'");
    }

    @Test
    void rejectsAStatementWithoutResources() {
        assertThatThrownBy(() -> Statements.allow("Empty").actions("kinesis:GetRecords").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Empty");
    }

    @Test
    void dropsDuplicatesAndAccumulatesConditionValues() {
        // GIVEN the same action twice and two calls for one condition key
        Map<String, Object> statement = PolicyJson.render(List.of(Statements.allow("Dedup")
                .actions("sqs:SendMessage", "sqs:SendMessage")
                .resources("arn:aws:sqs:us-west-2:111122223333:q")
                .condition("StringEquals", "aws:RequestedRegion", "us-west-2")
                .condition("StringEquals", "aws:RequestedRegion", "eu-west-2", "us-west-2")
                .build())).get(0);

        // THEN
        assertThat(actions(statement)).containsExactly("sqs:SendMessage");
        assertThat(condition(statement, "StringEquals", "aws:RequestedRegion")).containsExactly("us-west-2", "eu-west-2");
    }
}
