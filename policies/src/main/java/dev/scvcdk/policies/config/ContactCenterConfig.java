package dev.scvcdk.policies.config;

/**
 * One SCV contact center: a Salesforce call center bound to an Amazon Connect instance.
 *
 * @param callCenterApiName   the Salesforce call center API name, lower case; prefixes every resource name
 * @param region              the contact center's AWS region (where the Connect instance lives)
 * @param connectInstanceId   the Amazon Connect instance id (a UUID)
 * @param connectInstanceAlias the Amazon Connect instance alias
 * @param orgDomainUrl        the org's My Domain URL, {@code https://<domain>.my.salesforce.com}
 * @param scrtUrl             the SCRT2 My Domain URL, {@code https://<domain>.my.salesforce-scrt.com}
 * @param environment         {@code PRODUCTION} or {@code SANDBOX}; {@code null} means PRODUCTION
 * @param salesforceCredentialsSecretArn an existing Secrets Manager secret with the Salesforce credentials;
 *                            {@code null} means the contact-center stack creates an empty one
 * @param features            optional features; {@code null} means {@link Features#defaults()}
 */
public record ContactCenterConfig(
        String callCenterApiName,
        String region,
        String connectInstanceId,
        String connectInstanceAlias,
        String orgDomainUrl,
        String scrtUrl,
        String environment,
        String salesforceCredentialsSecretArn,
        Features features) {

    public Environment environmentValue() {
        return environment == null ? Environment.PRODUCTION : Environment.valueOf(environment);
    }

    public Features featuresOrDefaults() {
        return features == null ? Features.defaults() : features;
    }
}
