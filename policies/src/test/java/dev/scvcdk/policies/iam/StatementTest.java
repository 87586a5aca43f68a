package dev.scvcdk.policies.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementTest {

    @Test
    void aSingleActionAndResourceRenderAsPlainStrings() {
        Statement statement = new Statement("Read", Effect.ALLOW, List.of("s3:GetObject"),
                List.of("arn:aws:s3:::b/*"));

        assertThat(statement.toJson()).isEqualTo(
                "{\"Action\":\"s3:GetObject\",\"Effect\":\"Allow\",\"Resource\":\"arn:aws:s3:::b/*\",\"Sid\":\"Read\"}");
    }

    @Test
    void severalActionsAndResourcesRenderAsArraysInTheirOrder() {
        Statement statement = new Statement("Write", Effect.DENY, List.of("s3:PutObject", "s3:GetObject"),
                List.of("arn:aws:s3:::b/*", "arn:aws:s3:::a/*"));

        assertThat(statement.toJson()).isEqualTo("{\"Action\":[\"s3:PutObject\",\"s3:GetObject\"],\"Effect\":\"Deny\","
                + "\"Resource\":[\"arn:aws:s3:::b/*\",\"arn:aws:s3:::a/*\"],\"Sid\":\"Write\"}");
    }

    @Test
    void conditionValuesRenderAsArraysEvenWhenSingleInInsertionOrder() {
        // GIVEN two operators, the second with two keys (CDK renders condition values exactly as given: lists)
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        conditions.put("StringEquals", Map.of("kms:ViaService", List.of("s3.us-west-2.amazonaws.com")));
        Map<String, List<String>> like = new LinkedHashMap<>();
        like.put("b:key", List.of("y", "x"));
        like.put("a:key", List.of("z"));
        conditions.put("StringLike", like);

        Statement statement = new Statement("Key", Effect.ALLOW, List.of("kms:Decrypt"), List.of("*"), conditions);

        assertThat(statement.toJson()).isEqualTo("{\"Action\":\"kms:Decrypt\",\"Condition\":{\"StringEquals\":"
                + "{\"kms:ViaService\":[\"s3.us-west-2.amazonaws.com\"]},\"StringLike\":{\"b:key\":[\"y\",\"x\"],"
                + "\"a:key\":[\"z\"]}},\"Effect\":\"Allow\",\"Resource\":\"*\",\"Sid\":\"Key\"}");
    }

    @Test
    void keepsDefensiveCopiesWithoutDuplicates() {
        // GIVEN mutable lists with a repeated action
        List<String> actions = new ArrayList<>(List.of("sqs:SendMessage", "sqs:SendMessage"));
        List<String> values = new ArrayList<>(List.of("us-west-2"));
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        conditions.put("StringEquals", new LinkedHashMap<>(Map.of("aws:RequestedRegion", values)));
        Statement statement = new Statement("Send", Effect.ALLOW, actions, List.of("arn:aws:sqs:us-west-2:1:q"),
                conditions);

        // WHEN the caller changes its lists afterwards
        actions.add("sqs:DeleteQueue");
        values.add("eu-west-2");

        // THEN the statement is as built, once each, and cannot be changed through its accessors
        assertThat(statement.actions()).containsExactly("sqs:SendMessage");
        assertThat(statement.condition("StringEquals", "aws:RequestedRegion")).containsExactly("us-west-2");
        assertThatThrownBy(() -> statement.conditions().get("StringEquals").put("k", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsAStatementWithoutActionsNamingIt() {
        assertThatThrownBy(() -> new Statement("Nothing", Effect.ALLOW, List.of(), List.of("*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statement Nothing needs actions, got []");
    }
}
