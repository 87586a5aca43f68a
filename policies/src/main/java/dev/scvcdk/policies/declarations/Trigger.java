package dev.scvcdk.policies.declarations;

/** What invokes a function. Triggers decide its wiring and whether failed events need a failure destination. */
public enum Trigger {
    /** A Connect contact flow, synchronously; Connect may invoke only from the contact center's instance. */
    CONTACT_FLOW(false),
    /** Another SCV function, synchronously (the caller declares the invoke call). */
    FUNCTION_SYNC(false),
    /** Another SCV function, asynchronously: failed events go to the failure queue. */
    FUNCTION_ASYNC(true),
    /** The event-source mapping of the CTR stream: failed batches go to the failure queue. */
    CTR_STREAM(true),
    /** The event-source mapping of the Contact Lens stream: failed batches go to the failure queue. */
    CONTACT_LENS_STREAM(true),
    /** An EventBridge rule on the tenant bucket's object events (asynchronous). */
    TENANT_BUCKET_RULE(true),
    /** The alarm topic's subscription (SNS invokes asynchronously). */
    ALARM_TOPIC(true),
    /** Invoked directly and synchronously by whoever runs a backfill. */
    DIRECT(false),
    /** The contact-events EventBridge rule (asynchronous): failed events go to the failure queue. */
    CONTACT_EVENTS_RULE(true),
    /** A CloudFormation custom resource (asynchronous): failed events go to the failure queue. */
    CUSTOM_RESOURCE(true),
    /** Salesforce, through {@code SCVUpdateCredentialRole}, synchronously. */
    SALESFORCE(false);

    private final boolean asynchronous;

    Trigger(boolean asynchronous) {
        this.asynchronous = asynchronous;
    }

    /**
     * Lambda invokes asynchronously for this trigger (not a stream mapping), so its retries and failure
     * destination are the alias's asynchronous-invocation settings.
     */
    public boolean isAsynchronousInvocation() {
        return asynchronous && this != CTR_STREAM && this != CONTACT_LENS_STREAM;
    }

    /** Events this trigger delivers can fail after Lambda's retries, so they need a failure destination. */
    public boolean needsFailureDestination() {
        return asynchronous;
    }
}
