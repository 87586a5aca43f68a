package dev.scvcdk.constructs.iam;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PermissionsBoundary;
import software.constructs.IConstruct;

/**
 * Puts the SCV permission boundary on every role in a scope — also on the ones CDK creates by
 * itself (log retention, custom-resource providers, bucket-notification handlers, auto-delete),
 * whether they are {@code CfnRole}s or raw {@code AWS::IAM::Role} resources.
 */
public final class ScvBoundary {
    private ScvBoundary() {
    }

    /** Construct id of the imported boundary policy under the stack. */
    public static final String IMPORT_ID = "ScvPermissionsBoundaryImport";

    /**
     * Applies a boundary created in (or imported into) the scope. When {@code boundary} is a
     * {@link ManagedPolicy} of the same stack, every role references it and so is created after it.
     */
    public static void applyTo(IConstruct scope, IManagedPolicy boundary) {
        PermissionsBoundary.of(scope).apply(boundary);
    }

    /**
     * Applies an existing boundary by ARN (a boundary made by another stack or by the customer).
     *
     * @return the imported policy, for roles that set their boundary explicitly
     */
    public static IManagedPolicy applyTo(Stack stack, String boundaryArn) {
        IManagedPolicy boundary = imported(stack, boundaryArn);
        applyTo(stack, boundary);
        return boundary;
    }

    /** The boundary ARN imported once per stack (a matrix ARN may name the deploying account as a pseudo-parameter). */
    public static IManagedPolicy imported(Stack stack, String boundaryArn) {
        IConstruct existing = stack.getNode().tryFindChild(IMPORT_ID);
        if (existing instanceof IManagedPolicy policy) {
            return policy;
        }
        return ManagedPolicy.fromManagedPolicyArn(stack, IMPORT_ID, IamRender.string(boundaryArn));
    }
}
