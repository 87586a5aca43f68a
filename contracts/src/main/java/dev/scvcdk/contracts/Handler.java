package dev.scvcdk.contracts;

/**
 * Every Lambda handler class of {@code scv-lambdas}, and the deployable jar that carries it. The stacks point
 * functions at {@link #handlerString()} in {@link #jar()}; a test opens each built jar and loads each class, so a
 * rename or a class left out of its jar breaks the build, not a deployment.
 */
public enum Handler {
    INVOKE_TELEPHONY_INTEGRATION_API("dev.scvcdk.lambdas.telephony.InvokeTelephonyIntegrationApiHandler", Jar.SHARED),
    INVOKE_SALESFORCE_REST_API("dev.scvcdk.lambdas.restapi.InvokeSalesforceRestApiHandler", Jar.SHARED),
    CTR_DATA_SYNC("dev.scvcdk.lambdas.ctrsync.CtrDataSyncHandler", Jar.SHARED),
    HANDLE_CONTACT_EVENTS("dev.scvcdk.lambdas.contactevents.HandleContactEventsHandler", Jar.SHARED),
    KVS_CONSUMER_TRIGGER("dev.scvcdk.lambdas.kvstrigger.KvsConsumerTriggerHandler", Jar.SHARED),
    AUTH_KEYS_SSM_UTIL("dev.scvcdk.lambdas.authkeys.AuthKeysSsmUtilHandler", Jar.SHARED),
    CUSTOM_SSM("dev.scvcdk.lambdas.customssm.CustomSsmHandler", Jar.SHARED),
    KVS_TRANSCRIBER("dev.scvcdk.lambdas.kvstranscriber.KvsTranscriberHandler", Jar.MEDIA);

    /**
     * The two deployable jars built by {@code scv-lambdas}. Handlers that need the S3 client, Transcribe streaming
     * or the MKV parser go in the media jar, which carries every handler; the others in the smaller shared jar,
     * whose cold start they share.
     */
    public enum Jar {
        /** {@code scv-lambdas.jar}, budget 10 MB. */
        SHARED("scv-lambdas.jar"),
        /** {@code scv-lambdas-media.jar}, budget 20 MB. */
        MEDIA("scv-lambdas-media.jar");

        private final String fileName;

        Jar(String fileName) {
            this.fileName = fileName;
        }

        /** The file name under {@code lambdas/target/}. */
        public String fileName() {
            return fileName;
        }
    }

    /** The method Lambda calls on every handler class. */
    public static final String METHOD = "handleRequest";

    private final String className;
    private final Jar jar;

    Handler(String className, Jar jar) {
        this.className = className;
        this.jar = jar;
    }

    /** The jar a function running this handler deploys. */
    public Jar jar() {
        return jar;
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
