package dev.scvcdk.policies.declarations;

/** What invokes a function. Triggers decide its wiring and whether failed events need a failure destination. */
public enum Trigger {
    /** A Connect contact flow, synchronously; Connect may invoke only from the contact center's instance. */
    CONTACT_FLOW(Invocation.SYNCHRONOUS),
    /** Another SCV function, synchronously (the caller declares the invoke call). */
    FUNCTION_SYNC(Invocation.SYNCHRONOUS),
    /** Another SCV function, asynchronously: failed events go to the failure queue. */
    FUNCTION_ASYNC(Invocation.ASYNCHRONOUS),
    /** The event-source mapping of the CTR stream: failed batches go to the failure queue. */
    CTR_STREAM(Invocation.STREAM),
    /** The event-source mapping of the Contact Lens stream: failed batches go to the failure queue. */
    CONTACT_LENS_STREAM(Invocation.STREAM),
    /** An EventBridge rule on the tenant bucket's object events (asynchronous). */
    TENANT_BUCKET_RULE(Invocation.ASYNCHRONOUS),
    /** The alarm topic's subscription (SNS invokes asynchronously). */
    ALARM_TOPIC(Invocation.ASYNCHRONOUS),
    /** Invoked directly and synchronously by whoever runs a backfill. */
    DIRECT(Invocation.SYNCHRONOUS),
    /** The contact-events EventBridge rule (asynchronous): failed events go to the failure queue. */
    CONTACT_EVENTS_RULE(Invocation.ASYNCHRONOUS),
    /** A CloudFormation custom resource (asynchronous): failed events go to the failure queue. */
    CUSTOM_RESOURCE(Invocation.ASYNCHRONOUS),
    /** Salesforce, through {@code SCVUpdateCredentialRole}, synchronously. */
    SALESFORCE(Invocation.SYNCHRONOUS);

    /** How Lambda is invoked for a trigger. */
    public enum Invocation {
        /** The caller waits and sees the failure. */
        SYNCHRONOUS,
        /** Lambda queues the event: its retries and failure destination are the alias's async settings. */
        ASYNCHRONOUS,
        /** An event-source mapping polls the stream: retries and the destination are the mapping's. */
        STREAM
    }

    private final Invocation invocation;

    Trigger(Invocation invocation) {
        this.invocation = invocation;
    }

    public Invocation invocation() {
        return invocation;
    }

    /** Lambda invokes asynchronously for this trigger, so the alias's asynchronous settings apply. */
    public boolean isAsynchronousInvocation() {
        return invocation == Invocation.ASYNCHRONOUS;
    }

    /** Events this trigger delivers can fail after Lambda's retries, so they need a failure destination. */
    public boolean needsFailureDestination() {
        return invocation != Invocation.SYNCHRONOUS;
    }
}
