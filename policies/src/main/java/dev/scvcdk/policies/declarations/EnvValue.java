package dev.scvcdk.policies.declarations;

import java.util.function.Function;

/**
 * How one environment variable's value derives from the deployment.
 *
 * @param derivation what a reviewer reads: {@code <cc>-scrt-jwt-auth-private-key}
 * @param value      the value in one contact center
 */
public record EnvValue(String derivation, Function<DeploymentContext, String> value) {

    public String valueIn(DeploymentContext context) {
        return value.apply(context);
    }
}
