package dev.scvcdk.constructs.streams;

import dev.scvcdk.constructs.testing.TestFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;

class ContactStreamsTest {
    private final Stack stack = TestFixtures.stack();

    private Template synth() {
        Key key = Key.Builder.create(stack, "StreamKey").build();
        new ContactStreams(stack, "Streams", ContactStreamsProps.builder()
                .callCenterApiName("acmesupport")
                .accountId("111122223333")
                .encryptionKey(key)
                .build());
        return Template.fromStack(stack);
    }

    @Test
    void streamsCarryScvNamesAndAreEncryptedWithTheStreamKey() {
        Template template = synth();

        for (String name : new String[] {"acmesupport-111122223333-CTRStream",
                "acmesupport-111122223333-ContactLensStream"}) {
            template.hasResourceProperties("AWS::Kinesis::Stream", Map.of(
                    "Name", name,
                    "StreamEncryption", Map.of(
                            "EncryptionType", "KMS",
                            "KeyId", Map.of("Fn::GetAtt", Match.arrayWith(java.util.List.of(
                                    Match.stringLikeRegexp("^StreamKey")))))));
        }
    }

    @Test
    void streamsOutliveTheSyncsMaximumRecordAgeAndAreRetained() {
        Template template = synth();

        // 7 days, longer than the sync's 1-day maximum record age: failed batches can be replayed
        template.allResourcesProperties("AWS::Kinesis::Stream", Map.of(
                "RetentionPeriodHours", 168, "ShardCount", 1,
                "StreamModeDetails", Map.of("StreamMode", "PROVISIONED")));
        template.allResources("AWS::Kinesis::Stream", Map.of("DeletionPolicy", "Retain"));
    }
}
