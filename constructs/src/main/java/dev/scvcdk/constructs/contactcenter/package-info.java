/**
 * {@link dev.scvcdk.constructs.contactcenter.ScvContactCenterStack}: one SCV contact center in its
 * own region.
 *
 * <pre>{@code
 * TenantConfig config = ...;                       // validated
 * for (ContactCenterConfig cc : config.contactCenters()) {
 *     ScvContactCenterStack stack = new ScvContactCenterStack(app, "ScvContactCenter-" + cc.callCenterApiName(),
 *             ScvContactCenterStackProps.builder()
 *                     .tenantConfig(config)
 *                     .contactCenter(cc)
 *                     .lambdaJar(Path.of("lambdas/target/scv-lambdas.jar"))
 *                     .build());
 *     stack.addDependency(accountStack);            // the function roles are imported by name
 * }
 * }</pre>
 *
 * <p>Deployment of a stack that creates the Salesforce credentials secret is two-step: deploy, fill
 * the secret ({@code consumerKey}, {@code privateKey}, {@code subject}), deploy again with
 * {@code seedSalesforceCredentials(true)} to seed the three credential parameters from it. Upload the
 * {@code ScrtCertificate} output to the Salesforce call center.
 */
package dev.scvcdk.constructs.contactcenter;
