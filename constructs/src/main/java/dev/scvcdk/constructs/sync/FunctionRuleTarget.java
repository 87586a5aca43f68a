package dev.scvcdk.constructs.sync;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.interfaces.events.IRuleRef;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.events.RuleTargetConfig;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Permission;
import software.constructs.Construct;

/**
 * An EventBridge rule target invoking a function (alias), with a retry policy and the failure queue as dead-letter
 * queue. Unlike {@code aws-events-targets.LambdaFunction}, every id it adds is derived from the rule's construct
 * id, never from its full path: the templates are the same whether the stack is in an app or in a pipeline stage.
 *
 * <p>Adds, for the rule it is bound to: the permission {@code <rule>/InvokePermission} for
 * {@code events.amazonaws.com} to invoke the function, from this rule ({@code SourceArn}) and this account
 * ({@code SourceAccount}) only; and the failure queue's policy statement {@code <rule id>DeadLetters}
 * ({@link FailureQueue#allowDeadLettersOf}). The queue's key must allow the rules separately
 * ({@link FailureQueue#allowEventBridgeRules}): the key policy cannot reference the rules.
 */
public final class FunctionRuleTarget implements IRuleTarget {
    /** The construct id of the Lambda permission, under the rule. */
    public static final String PERMISSION_ID = "InvokePermission";

    private final FunctionRuleTargetProps props;

    public FunctionRuleTarget(FunctionRuleTargetProps props) {
        this.props = props;
    }

    @Override
    public RuleTargetConfig bind(IRuleRef rule) {
        return bind(rule, null);
    }

    @Override
    public RuleTargetConfig bind(IRuleRef rule, String id) {
        if (!(rule instanceof Construct ruleConstruct)) {
            throw new IllegalArgumentException("rule " + rule.getNode().getPath() + " is invalid for a "
                    + "FunctionRuleTarget: it must be a construct of this app (the permission is placed under it)");
        }
        if (rule.getNode().tryFindChild(PERMISSION_ID) != null) {
            throw new IllegalArgumentException("rule " + rule.getNode().getPath() + " already has a "
                    + "FunctionRuleTarget: one function target per rule (the permission id "
                    + PERMISSION_ID + " is per rule)");
        }
        String ruleArn = CfnRule.arnForRule(rule);
        // Scoped to the rule, as aws-events-targets does: the permission lives in the rule's stack.
        props.getFunction().addPermission(PERMISSION_ID, Permission.builder()
                .scope(ruleConstruct)
                .principal(new ServicePrincipal("events.amazonaws.com"))
                .action("lambda:InvokeFunction")
                .sourceArn(ruleArn)
                .sourceAccount(Stack.of(rule).getAccount())
                .build());
        props.getFailureQueue().allowDeadLettersOf(rule);
        boolean retryPolicy = props.getRetryAttempts() != null || props.getMaxEventAge() != null;
        return RuleTargetConfig.builder()
                .arn(props.getFunction().getFunctionArn())
                .targetResource(props.getFunction())
                .deadLetterConfig(CfnRule.DeadLetterConfigProperty.builder()
                        .arn(props.getFailureQueue().getQueue().getQueueArn())
                        .build())
                .retryPolicy(retryPolicy ? CfnRule.RetryPolicyProperty.builder()
                        .maximumRetryAttempts(props.getRetryAttempts())
                        .maximumEventAgeInSeconds(props.getMaxEventAge() == null ? null
                                : props.getMaxEventAge().toSeconds())
                        .build() : null)
                .build();
    }
}
