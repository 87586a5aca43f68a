/**
 * From the IAM matrix to CloudFormation: {@link dev.scvcdk.constructs.iam.ScvRoles} (a RoleSpec to a
 * bounded role; import by SCV name), {@link dev.scvcdk.constructs.iam.ScvManagedPolicies} (the
 * {@code /scv/} policies) and {@link dev.scvcdk.constructs.iam.ScvBoundary} (the boundary on every
 * role of a stack, CDK-made ones included). {@link dev.scvcdk.constructs.iam.IamRender} turns the
 * matrix's plain statements and documents into CDK ones, {@code ${AWS::AccountId}} into {@code Fn::Sub}.
 *
 * <pre>{@code
 * IManagedPolicy boundary = ScvBoundary.applyTo(stack, IamMatrix.permissionBoundaryArn(config));
 * for (RoleSpec spec : IamMatrix.contactCenterRoles(config, cc)) {
 *     ScvRoles.create(stack, ScvRoles.constructId(spec.roleName()), spec, boundary, Map.of());
 * }
 * IRole ctrSync = ScvRoles.importByName(stack, "CtrSyncRole", RoleNames.CTR_DATA_SYNC);
 * }</pre>
 */
package dev.scvcdk.constructs.iam;
