package dev.scvcdk.lambdas.customresource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OwnedParametersTest {

    private final LocalAwsServer aws = new LocalAwsServer();
    private final OwnedParameters parameters = new OwnedParameters(aws.ssmClient());

    @AfterEach
    void stop() {
        aws.close();
    }

    private static String problem(String name) {
        return OwnedParameters.nameProblem("ParameterName", name).orElse("");
    }

    @Test
    void acceptsScvParameterNamesFlatOrHierarchical() {
        assertThat(OwnedParameters.nameProblem("ParameterName", "ACME-scrt-jwt-auth-private-key")).isEmpty();
        assertThat(OwnedParameters.nameProblem("ParameterName", "/scv/ACME/audience_v2.1")).isEmpty();
    }

    @Test
    void refusesNamesSsmReservesOrCannotStore() {
        assertThat(problem("ssm-thing")).isEqualTo(
                "ParameterName 'ssm-thing' is invalid; an SSM parameter name must not begin with 'aws' or 'ssm'");
        assertThat(problem("/AWS/thing")).contains("must not begin with 'aws' or 'ssm'");
        assertThat(problem("scv/thing")).contains("a hierarchical SSM parameter name must begin with '/'");
        assertThat(problem("a:b")).contains("may only contain a-z, A-Z, 0-9, '_', '.', '-' and '/'");
        assertThat(problem("/a".repeat(16))).contains("at most 15 hierarchy levels");
        assertThat(problem("x".repeat(1012))).isEqualTo(
                "ParameterName is 1012 characters; an SSM parameter name has at most 1011");
    }

    @Test
    void anOwnerMarkTooLongForATagIsStoredAsItsSha256() {
        String shortMark = "arn:aws:cloudformation:us-west-2:123456789012:stack/s/guid/Logical";
        String longMark = shortMark + "x".repeat(300);

        assertThat(OwnedParameters.ownerTagValue(shortMark)).isEqualTo(shortMark);
        assertThat(OwnedParameters.ownerTagValue(longMark)).matches("sha256:[0-9a-f]{64}");
        assertThat(OwnedParameters.ownerTagValue(longMark)).isNotEqualTo(OwnedParameters.ownerTagValue(longMark + "y"));
    }

    @Test
    void aLongOwnerMarkStillLetsTheOwnerDeleteItsParameter() {
        // GIVEN a parameter created under a mark longer than a tag value may be
        String longMark = "arn:aws:cloudformation:us-west-2:123456789012:stack/" + "n".repeat(128) + "/"
                + "6b0d2f30-8c1a-11f0-9c9c-0a1b2c3d4e5f/" + "L".repeat(120);
        assertThat(parameters.createIfAbsent("p", "v", null, null, longMark)).isTrue();

        // WHEN another owner, then the owner, delete it
        assertThat(parameters.deleteIfOwned("p", longMark + "2")).isEqualTo(OwnedParameters.Deletion.NOT_OWNED);
        assertThat(parameters.deleteIfOwned("p", longMark)).isEqualTo(OwnedParameters.Deletion.DELETED);

        // THEN it is gone, and deleting again finds it already gone
        assertThat(aws.parameters()).isEmpty();
        assertThat(parameters.deleteIfOwned("p", longMark)).isEqualTo(OwnedParameters.Deletion.ALREADY_GONE);
    }

    @Test
    void createIfAbsentLeavesAnExistingParameterAlone() {
        aws.putParameter("p", "old", Map.of());

        assertThat(parameters.createIfAbsent("p", "new", null, null, "mark")).isFalse();

        assertThat(aws.parameter("p").value()).isEqualTo("old");
    }

    @Test
    void overwriteReplacesTheValueAndKeepsTheOwnerTag() {
        aws.putParameter("p", "old", Map.of(OwnedParameters.OWNER_TAG, "mark"));

        parameters.overwrite("p", "new");

        assertThat(aws.parameter("p").value()).isEqualTo("new");
        assertThat(aws.parameter("p").tags()).containsEntry(OwnedParameters.OWNER_TAG, "mark");
    }
}
