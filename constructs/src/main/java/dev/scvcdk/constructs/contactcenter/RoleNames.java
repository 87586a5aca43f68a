package dev.scvcdk.constructs.contactcenter;

final class RoleNames {
    private RoleNames() {
    }

    static final String CTR_DATA_SYNC = "SCVCTRDataSyncFunctionRole";
    static final String INVOKE_TELEPHONY_INTEGRATION_API = "SCVInvokeTelephonyIntegrationApiFunctionRole";
    static final String INVOKE_SALESFORCE_REST_API = "SCVInvokeSalesforceRestApiFunctionRole";
    static final String SSM_LAMBDA_EXECUTION = "SCVSSMLambdaExecutionRole";
    static final String CONTACT_LENS_STREAMING = "SCVContactLensStreamingRoleResource";
    static final String HANDLE_CONTACT_EVENTS = "SCVHandleContactEventsRole";
    static final String TENANT_BUCKET_WRITE_ACCESS = "SCVTenantBucketWriteAccessRole";
}
