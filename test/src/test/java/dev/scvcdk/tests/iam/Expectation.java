package dev.scvcdk.tests.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.scvcdk.tests.iam.Calls.Call;
import dev.scvcdk.tests.iam.IamSimulator.Request;
import dev.scvcdk.tests.iam.IamSimulator.Result;
import dev.scvcdk.tests.iam.SynthesizedIam.RolePolicies;
import java.util.List;

/** A request to the IAM evaluator and the decision the spec wants; the policy suites' shared shape. */
record Expectation(String title, Request request, boolean allowed) {

    static Expectation allow(Calls calls, RolePolicies role, Call call) {
        return new Expectation(role.roleName() + " may " + call.describe(), calls.by(role, call), true);
    }

    static Expectation deny(Calls calls, RolePolicies role, Call call) {
        return new Expectation(role.roleName() + " may not " + call.describe(), calls.by(role, call), false);
    }

    /** Asserts the evaluator's decision is the wanted one; a failure prints the request and the explanation. */
    void check(Result result) {
        String report = report(result);
        if ("Error".equals(result.decision())) {
            fail("the evaluator rejected the request" + report);
        }
        assertThat("Allowed".equals(result.decision()))
                .as((allowed ? "should be allowed" : "should be denied") + report)
                .isEqualTo(allowed);
    }

    /** The request (without its policies), the policies' names and the evaluator's explanation. */
    String report(Result result) {
        return ": " + title + "\nrequest: " + IamSimulator.toJson(request).without(
                List.of("identityPolicies", "permissionBoundaryPolicies", "resourcePolicy")).toPrettyString()
                + "\npolicies: " + request.role().identityPolicies().stream()
                        .map(SynthesizedIam.NamedPolicy::name).toList()
                + " bounded by " + request.role().boundaryPolicies().stream()
                        .map(SynthesizedIam.NamedPolicy::name).toList()
                + "\nevaluator: " + result.decision() + " " + result.explanation().toPrettyString();
    }
}
