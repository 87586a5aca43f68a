package dev.scvcdk.policies.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {
    private static final Statement READ =
            new Statement("Read", Effect.ALLOW, List.of("s3:GetObject"), List.of("arn:aws:s3:::b/*"));
    private static final Statement DENY =
            new Statement("NoUsers", Effect.DENY, List.of("iam:CreateUser"), List.of("*"));

    @Test
    void rendersStatementsAndVersionAsCompactJson() {
        assertThat(PolicyDocument.of(READ, DENY).toJson()).isEqualTo("{\"Statement\":["
                + "{\"Action\":\"s3:GetObject\",\"Effect\":\"Allow\",\"Resource\":\"arn:aws:s3:::b/*\",\"Sid\":\"Read\"},"
                + "{\"Action\":\"iam:CreateUser\",\"Effect\":\"Deny\",\"Resource\":\"*\",\"Sid\":\"NoUsers\"}],"
                + "\"Version\":\"2012-10-17\"}");
    }

    @Test
    void anIdenticalStatementAppearsOnceAsInTheRenderedTemplate() {
        PolicyDocument document = PolicyDocument.of(READ, DENY, READ);

        assertThat(document.statements()).containsExactly(READ, DENY);
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        Statement odd = new Statement("Odd", Effect.ALLOW, List.of("s3:GetObject"), List.of("a\"b\\c\nd"));

        assertThat(odd.toJson()).contains("\"Resource\":\"a\\\"b\\\\c\\u000ad\"");
    }
}
