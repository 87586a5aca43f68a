package dev.scvcdk.constructs.streams;

import dev.scvcdk.policies.ScvNames;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kinesis.IStream;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesis.StreamMode;
import software.constructs.Construct;

/**
 * The contact center's Kinesis streams, {@code <cc>-<acct>-CTRStream} (contact records from Connect)
 * and {@code <cc>-<acct>-ContactLensStream} (Contact Lens real-time output), encrypted with the
 * stream key and retained.
 */
public final class ContactStreams extends Construct {
    private final Stream ctrStream;
    private final Stream contactLensStream;

    public ContactStreams(Construct scope, String id, ContactStreamsProps props) {
        super(scope, id);
        ctrStream = stream("CtrStream", ScvNames.ctrStream(props.getCallCenterApiName(), props.getAccountId()),
                props);
        contactLensStream = stream("ContactLensStream",
                ScvNames.contactLensStream(props.getCallCenterApiName(), props.getAccountId()), props);
    }

    public IStream getCtrStream() {
        return ctrStream;
    }

    public IStream getContactLensStream() {
        return contactLensStream;
    }

    private Stream stream(String id, String name, ContactStreamsProps props) {
        return Stream.Builder.create(this, id)
                .streamName(name)
                .streamMode(StreamMode.PROVISIONED)
                .shardCount(props.getShardCount())
                .retentionPeriod(props.getRetentionPeriod())
                .encryption(StreamEncryption.KMS)
                .encryptionKey(props.getEncryptionKey())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }
}
