/**
 * {@link dev.scvcdk.constructs.contactcenter.ScvContactCenter}: one SCV contact center, in any stack of its region;
 * and {@link dev.scvcdk.constructs.contactcenter.ScvContactCenterStack}, a stack holding one. The Lambda code comes
 * from the artifact {@code dev.scvcdk:scv-lambda-code}, which the consumer adds
 * ({@link dev.scvcdk.constructs.functions.LambdaCode}). See README.md beside this package.
 *
 * <pre>{@code
 * TenantConfig config = ...;                       // validated
 * for (ContactCenterConfig cc : config.contactCenters()) {
 *     ScvContactCenterStack stack = new ScvContactCenterStack(app, ScvNames.contactCenterStack(cc.callCenterApiName()),
 *             ScvContactCenterStackProps.builder()
 *                     .tenantConfig(config)
 *                     .contactCenter(cc)
 *                     .build());               // lambdaCode: LambdaCode.fromClasspath()
 *     stack.addDependency(accountStack);       // the function roles are imported by name
 * }
 * }</pre>
 *
 * <p>Deployment of a stack that creates the Salesforce credentials secret is two-step: deploy, fill
 * the secret ({@code consumerKey}, {@code privateKey}, {@code subject}), deploy again with
 * {@code seedSalesforceCredentials(true)} to seed the three credential parameters from it. Upload the
 * {@code ScrtCertificate} output to the Salesforce call center.
 */
package dev.scvcdk.constructs.contactcenter;
