package dev.scvcdk.policies.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.policies.ScvNames.Parameter;
import dev.scvcdk.policies.TestTenants;
import dev.scvcdk.policies.declarations.Call;
import dev.scvcdk.policies.declarations.KeyUse;
import dev.scvcdk.policies.declarations.Target;
import dev.scvcdk.policies.declarations.TenantKey;
import dev.scvcdk.policies.iam.Statement;
import dev.scvcdk.policies.statements.CallStatements.Made;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Declared calls become statements that name exactly their resources, and keys only through their service. */
class CallStatementsTest {
    private final TenantResources res = new TenantResources(TestTenants.example());
    private final CallStatements derive = new CallStatements(res);

    @Test
    void givenACallInTwoContactCenters_thenItsStatementNamesBothExactResources() {
        Call read = Call.of("ReadScrtPrivateKey", Target.parameter(Parameter.SCRT_PRIVATE_KEY), "test",
                "ssm:GetParameter");

        List<Statement> statements = derive.statements(List.of(new Made(read, res.contactCenters())));

        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s.sid()).isEqualTo("ReadScrtPrivateKey");
            assertThat(s.actions()).containsExactly("ssm:GetParameter");
            assertThat(s.resources()).containsExactly(
                    "arn:aws:ssm:us-west-2:111122223333:parameter/acmesupport-scrt-jwt-auth-private-key",
                    "arn:aws:ssm:eu-west-2:111122223333:parameter/acmesales-scrt-jwt-auth-private-key");
        });
    }

    @Test
    void givenACallMadeInOneContactCenter_thenTheOtherIsNotNamed() {
        Call read = Call.of("ReadCtr", Target.ctrStream(), "test", "kinesis:GetRecords");

        List<Statement> statements = derive.statements(List.of(new Made(read, List.of(TestTenants.sales()))));

        assertThat(statements).singleElement().extracting(Statement::resources).asList()
                .containsExactly("arn:aws:kinesis:eu-west-2:111122223333:stream/acmesales-111122223333-CTRStream");
    }

    @Test
    void givenAnActionWithoutResourceLevelPermissions_thenItIsBoundToTheContactCentersRegions() {
        Call traces = Call.of("WriteTraces", Target.noResourceLevelPermissions(), "test", "xray:PutTraceSegments");

        Statement statement = derive.statements(List.of(new Made(traces, res.contactCenters()))).get(0);

        assertThat(statement.resources()).containsExactly("*");
        assertThat(statement.condition("StringEquals", CallStatements.REQUESTED_REGION))
                .containsExactly("us-west-2", "eu-west-2");
    }

    @Test
    void givenAStreamRead_thenTheStreamKeyIsNamedByAliasAndOnlyThroughKinesis() {
        Call read = Call.of("ReadCtr", Target.ctrStream(), "test", "kinesis:GetRecords")
                .withKey(KeyUse.decrypt(TenantKey.STREAM, "kinesis"));

        Statement key = derive.statements(List.of(new Made(read, res.contactCenters()))).get(1);

        assertThat(key.actions()).containsExactly("kms:Decrypt");
        assertThat(key.condition("ForAnyValue:StringEquals", CallStatements.RESOURCE_ALIASES))
                .containsExactly("alias/acmesupportKvsKey", "alias/acmesalesKvsKey");
        assertThat(key.condition("StringEquals", CallStatements.VIA_SERVICE))
                .containsExactly("kinesis.us-west-2.amazonaws.com", "kinesis.eu-west-2.amazonaws.com");
    }

    @Test
    void givenAParameterRead_thenTheKeyIsUsableOnlyForThatParameter() {
        Call read = Call.of("ReadScrtPrivateKey", Target.parameter(Parameter.SCRT_PRIVATE_KEY), "test",
                "ssm:GetParameter").withKey(KeyUse.decrypt(TenantKey.AWS_SSM, "ssm"));

        Statement key = derive.statements(List.of(new Made(read, List.of(TestTenants.support())))).get(1);

        assertThat(key.condition("StringEquals", "kms:EncryptionContext:PARAMETER_ARN")).containsExactly(
                "arn:aws:ssm:us-west-2:111122223333:parameter/acmesupport-scrt-jwt-auth-private-key");
        assertThat(key.condition("StringEquals", CallStatements.VIA_SERVICE))
                .containsExactly("ssm.us-west-2.amazonaws.com");
    }

    @Test
    void givenTwoCallsWithOneSidButDifferentActions_thenDerivationRefusesToMergeThem() {
        Call read = Call.of("Params", Target.parameter(Parameter.SCRT_PRIVATE_KEY), "test", "ssm:GetParameter");
        Call write = Call.of("Params", Target.parameter(Parameter.REST_API_SUBJECT), "test", "ssm:PutParameter");

        assertThatThrownBy(() -> derive.statements(List.of(new Made(read, res.contactCenters()),
                new Made(write, res.contactCenters()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("calls with sid Params differ");
    }

    @Test
    void givenACallMadeNowhere_thenNoStatement() {
        Call read = Call.of("ReadCtr", Target.ctrStream(), "test", "kinesis:GetRecords");

        assertThat(derive.statements(List.of(new Made(read, List.of())))).isEmpty();
    }
}
