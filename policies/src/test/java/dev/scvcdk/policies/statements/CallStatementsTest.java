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

    @Test
    void givenACallInAStatementPerContactCenter_thenEachPairsItsRulesWithItsOwnTargets() {
        // GIVEN rule targets paired with the contact center's own handler alias
        Call targets = Call.of("EventTargets", Target.rules(), "test", "events:PutTargets")
                .when("ForAllValues:StringEquals", "events:TargetArn",
                        Call.functionAlias(dev.scvcdk.policies.ScvNames.Function.HANDLE_CONTACT_EVENTS))
                .inAStatementPerContactCenter();

        // WHEN derived for both contact centers
        List<Statement> statements = derive.statements(List.of(new Made(targets, res.contactCenters())));

        // THEN one statement each: acmesupport's rules may target only acmesupport's handler
        assertThat(statements).extracting(Statement::sid).containsExactly("EventTargets1", "EventTargets2");
        assertThat(statements.get(0).resources())
                .containsExactly("arn:aws:events:us-west-2:111122223333:rule/acmesupport-*");
        assertThat(statements.get(0).conditions().get("ForAllValues:StringEquals").get("events:TargetArn"))
                .containsExactly("arn:aws:lambda:us-west-2:111122223333:function:"
                        + "acmesupport-HandleContactEventsFunction:active");
    }

    @Test
    void givenConditionPlaceholders_thenEachContactCenterSendsItsOwnValues() {
        // GIVEN a call conditioned on the call center's tag and a key alias
        Call describe = Call.of("DescribeKeys", Target.keys(), "test", "kms:DescribeKey")
                .when("ForAnyValue:StringEquals", "kms:ResourceAliases", Call.keyAlias(TenantKey.STREAM))
                .when("StringEquals", "aws:ResourceTag/scv:call-center", Call.CALL_CENTER);

        Statement statement = derive.statements(List.of(new Made(describe, res.contactCenters()))).get(0);

        // THEN the values are each contact center's, and the keys those of its region
        assertThat(statement.resources()).containsExactly("arn:aws:kms:us-west-2:111122223333:key/*",
                "arn:aws:kms:eu-west-2:111122223333:key/*");
        assertThat(statement.conditions().get("ForAnyValue:StringEquals").get("kms:ResourceAliases"))
                .containsExactly("alias/acmesupportKvsKey", "alias/acmesalesKvsKey");
        assertThat(statement.conditions().get("StringEquals").get("aws:ResourceTag/scv:call-center"))
                .containsExactly("acmesupport", "acmesales");
    }

    @Test
    void givenAResourceLevelActionDeclaredOnEverything_thenDerivationRefusesIt() {
        Call wide = Call.of("Wide", Target.noResourceLevelPermissions(), "test", "ssm:GetParameter");

        assertThatThrownBy(() -> derive.statements(List.of(new Made(wide, res.contactCenters()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[ssm:GetParameter]").hasMessageContaining("'*'");
    }

    @Test
    void givenTheFourPlatformKeyParametersWritten_thenTheKeyGrantNamesThemByTheirPattern() {
        // GIVEN PutParameter of the four REST parameters the platform key encrypts (not the access token)
        List<Made> writes = java.util.stream.Stream.of(Parameter.REST_API_CONSUMER_KEY, Parameter.REST_API_SUBJECT,
                        Parameter.REST_API_AUDIENCE, Parameter.REST_API_PRIVATE_KEY)
                .map(p -> new Made(Call.of("Write", Target.parameter(p), "test", "ssm:PutParameter")
                        .withKey(new KeyUse(TenantKey.PLATFORM, "ssm", List.of("kms:Encrypt"))), res.contactCenters()))
                .toList();

        List<Statement> statements = derive.statements(writes);

        // THEN the SSM statement names the four exactly; the key grant's context is one pattern per contact center
        assertThat(statements.get(0).resources()).hasSize(8);
        assertThat(statements.get(1).conditions().get("StringLike").get("kms:EncryptionContext:PARAMETER_ARN"))
                .containsExactly("arn:aws:ssm:us-west-2:111122223333:parameter/acmesupport-salesforce-rest-api-*",
                        "arn:aws:ssm:eu-west-2:111122223333:parameter/acmesales-salesforce-rest-api-*");
    }

    @Test
    void givenThreeOfThePlatformKeyParameters_thenTheKeyGrantNamesThemExactly() {
        List<Made> writes = java.util.stream.Stream.of(Parameter.REST_API_CONSUMER_KEY, Parameter.REST_API_SUBJECT,
                        Parameter.REST_API_AUDIENCE)
                .map(p -> new Made(Call.of("Write", Target.parameter(p), "test", "ssm:PutParameter")
                        .withKey(new KeyUse(TenantKey.PLATFORM, "ssm", List.of("kms:Encrypt"))), res.contactCenters()))
                .toList();

        assertThat(derive.statements(writes).get(1).conditions().get("StringEquals")
                .get("kms:EncryptionContext:PARAMETER_ARN")).hasSize(6).noneMatch(arn -> arn.contains("*"));
    }
}
