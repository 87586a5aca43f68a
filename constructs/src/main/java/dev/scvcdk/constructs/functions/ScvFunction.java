package dev.scvcdk.constructs.functions;

import dev.scvcdk.constructs.defaults.SecureDefaults;
import dev.scvcdk.policies.ScvNames;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * One SCV Lambda function as SCV deploys it: named {@code <cc>-<Name>}, runtime java21, SnapStart on
 * published versions, invoked only through the alias {@code active} on the current version, logging
 * to its own KMS-encrypted, retained log group {@code /aws/lambda/<cc>-<Name>} ({@link SecureDefaults#logGroupProps}), with an errors alarm.
 */
public final class ScvFunction extends Construct {
    private final Function function;
    private final Alias alias;
    private final LogGroup logGroup;
    private final Alarm errorsAlarm;

    public ScvFunction(Construct scope, String id, ScvFunctionProps props) {
        super(scope, id);
        String name = props.getFunction().nameFor(props.getCallCenterApiName());

        logGroup = new LogGroup(this, "LogGroup", SecureDefaults.logGroupProps(props.getLogEncryptionKey())
                .logGroupName(logGroupName(name))
                .build());

        function = Function.Builder.create(this, "Resource")
                .functionName(name)
                .description(props.getDescription() != null ? props.getDescription()
                        : "SCV " + props.getFunction().baseName() + " of " + props.getCallCenterApiName())
                .runtime(Runtime.JAVA_21)
                .architecture(props.getArchitecture())
                .handler(props.getHandler())
                .code(props.getCode())
                .role(props.getRole())
                .timeout(props.getTimeout())
                .memorySize(props.getMemorySize())
                .environment(props.getEnvironment())
                .reservedConcurrentExecutions(props.getReservedConcurrentExecutions())
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                // the SCV roles grant xray:PutTraceSegments/PutTelemetryRecords for this
                .tracing(Tracing.ACTIVE)
                .logGroup(logGroup)
                .build();
        // The alias below always points at a published version (currentVersion), which is what SnapStart needs.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "alias 'active' points at the function's published current version");
        // Salesforce's provisioning role may manage <cc>-* functions only when they carry this tag.
        Tags.of(function).add(ScvNames.FUNCTION_TAG, props.getCallCenterApiName());
        // The function must not start before its log group exists, or Lambda creates an unencrypted one.
        function.getNode().addDependency(logGroup);

        alias = Alias.Builder.create(this, "Alias")
                .aliasName(ScvNames.ACTIVE_ALIAS)
                .version(function.getCurrentVersion())
                .build();

        errorsAlarm = Alarm.Builder.create(this, "ErrorsAlarm")
                .alarmName(name + "-Errors")
                .alarmDescription("Invocations of " + name + " failed")
                .metric(function.metricErrors(MetricOptions.builder().period(SecureDefaults.ALARM_PERIOD).build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        if (props.getAlarmAction() != null) {
            errorsAlarm.addAlarmAction(props.getAlarmAction());
        }
    }

    /** {@code /aws/lambda/<function name>}, where Lambda writes. */
    public static String logGroupName(String functionName) {
        return ScvNames.functionLogGroup(functionName);
    }

    public Function getFunction() {
        return function;
    }

    /** The {@code active} alias: what every trigger and caller invokes. */
    public Alias getAlias() {
        return alias;
    }

    public LogGroup getLogGroup() {
        return logGroup;
    }

    public Alarm getErrorsAlarm() {
        return errorsAlarm;
    }
}
