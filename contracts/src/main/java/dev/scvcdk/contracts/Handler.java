package dev.scvcdk.contracts;

/**
 * Every Lambda handler class of {@code scv-lambdas}. The stacks point functions at {@link #handlerString()};
 * a test of {@code scv-lambdas} opens the shaded jar and loads each class, so a rename breaks the build, not a
 * deployment.
 */
public enum Handler {
    INVOKE_TELEPHONY_INTEGRATION_API("dev.scvcdk.lambdas.telephony.InvokeTelephonyIntegrationApiHandler"),
    INVOKE_SALESFORCE_REST_API("dev.scvcdk.lambdas.restapi.InvokeSalesforceRestApiHandler"),
    CTR_DATA_SYNC("dev.scvcdk.lambdas.ctrsync.CtrDataSyncHandler"),
    HANDLE_CONTACT_EVENTS("dev.scvcdk.lambdas.contactevents.HandleContactEventsHandler"),
    KVS_CONSUMER_TRIGGER("dev.scvcdk.lambdas.kvstrigger.KvsConsumerTriggerHandler"),
    AUTH_KEYS_SSM_UTIL("dev.scvcdk.lambdas.authkeys.AuthKeysSsmUtilHandler"),
    CUSTOM_SSM("dev.scvcdk.lambdas.customssm.CustomSsmHandler");

    /** The method Lambda calls on every handler class. */
    public static final String METHOD = "handleRequest";

    private final String className;

    Handler(String className) {
        this.className = className;
    }

    /** Fully qualified class name in the shaded jar. */
    public String className() {
        return className;
    }

    /** The Lambda {@code Handler} setting: {@code <class>::handleRequest}. */
    public String handlerString() {
        return className + "::" + METHOD;
    }
}
