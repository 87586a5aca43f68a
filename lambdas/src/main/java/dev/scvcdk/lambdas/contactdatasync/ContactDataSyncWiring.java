package dev.scvcdk.lambdas.contactdatasync;

import dev.scvcdk.lambdas.common.aws.AwsApiClient;
import dev.scvcdk.lambdas.common.aws.AwsClients;
import dev.scvcdk.lambdas.common.connect.ConnectContacts;
import dev.scvcdk.lambdas.common.env.EnvReader;
import dev.scvcdk.lambdas.common.log.StructuredLogger;
import dev.scvcdk.lambdas.common.media.S3Clients;
import dev.scvcdk.lambdas.common.media.S3Objects;
import dev.scvcdk.lambdas.common.snapstart.RestoreHooks;
import dev.scvcdk.lambdas.common.snapstart.SnapStart;
import java.util.Map;

/** Builds the production {@link ContactDataSyncService} from the function's environment. */
public final class ContactDataSyncWiring {
    private ContactDataSyncWiring() {
    }

    /**
     * Reads {@code CONNECT_INSTANCE_ID}, {@code INVOKE_SALESFORCE_REST_API_ARN}, {@code MAX_CONTACT_IDS},
     * {@code BATCH_SIZE}, {@code TENANT_BUCKET_NAME} (else {@code CALL_CENTER_API_NAME}) and {@code LOG_LEVEL};
     * the AWS clients come from the default chains.
     *
     * @throws dev.scvcdk.lambdas.common.env.ConfigurationException naming every missing or bad variable
     */
    public static SnapStart.Prepared<ContactDataSyncService> prepare(Map<String, String> environment) {
        return prepare(environment, ContactDataSyncPriming.ROUNDS);
    }

    /** @param primingRounds how many times priming runs the call path */
    static SnapStart.Prepared<ContactDataSyncService> prepare(Map<String, String> environment, int primingRounds) {
        ContactDataSyncConfig config = ContactDataSyncConfig.read(EnvReader.of(environment));
        ContactDataSyncService service = new ContactDataSyncService(config, ConnectContacts.create(),
                new S3Objects(S3Clients.create()), AwsClients.lambda(),
                StructuredLogger.forClass(ContactDataSyncService.class));
        return new SnapStart.Prepared<>(service, new RestoreHooks().registerAll(AwsApiClient.sharedRestorables()),
                () -> ContactDataSyncPriming.prime(config, primingRounds));
    }
}
