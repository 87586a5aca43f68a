package dev.scvcdk.lambdas.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.scvcdk.lambdas.testsupport.S3Stub.Operation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** The one S3 stand-in, driven by the production S3 client: what the function tests rely on it for. */
class S3StubTest {
    @Test
    void anObjectPutWithTagsReadsBackWithThoseTags() throws Exception {
        try (S3Stub s3 = new S3Stub().createBucket("b"); S3Client client = s3.client()) {
            // GIVEN an object put with a content type and two tags (the SDK sends it aws-chunked)
            client.putObject(r -> r.bucket("b").key("dir/a+b c.wav").contentType("audio/x-wav")
                    .tagging("vm_lang=fr-CA&vm_from=%2B14155550100"), RequestBody.fromString("RIFF ça"));

            // WHEN it is read back, with its tags
            String body = client.getObjectAsBytes(r -> r.bucket("b").key("dir/a+b c.wav"))
                    .asString(StandardCharsets.UTF_8);
            Map<String, String> tags = client.getObjectTagging(r -> r.bucket("b").key("dir/a+b c.wav")).tagSet()
                    .stream().collect(Collectors.toMap(Tag::key, Tag::value));

            // THEN body and tags are as put, and each call was recorded as its operation, signed, path-style
            assertThat(body).isEqualTo("RIFF ça");
            assertThat(tags).containsExactlyInAnyOrderEntriesOf(Map.of("vm_lang", "fr-CA", "vm_from", "+14155550100"));
            assertThat(s3.puts()).singleElement().satisfies(put -> {
                assertThat(put.contentType()).isEqualTo("audio/x-wav");
                assertThat(put.tags()).containsEntry("vm_from", "+14155550100");
            });
            assertThat(s3.requests()).extracting(S3Stub.Request::operation, S3Stub.Request::path,
                            S3Stub.Request::signingService)
                    .containsExactly(
                            tuple(Operation.PUT_OBJECT, "/b/dir/a+b c.wav", "s3"),
                            tuple(Operation.GET_OBJECT, "/b/dir/a+b c.wav", "s3"),
                            tuple(Operation.GET_OBJECT_TAGGING, "/b/dir/a+b c.wav",
                                    "s3"));
        }
    }

    @Test
    void aMissingBucketIsNoSuchBucketAndAMissingObjectNoSuchKey() throws Exception {
        try (S3Stub s3 = new S3Stub().createBucket("b"); S3Client client = s3.client()) {
            // GIVEN bucket b without objects
            // WHEN / THEN a put into another bucket stores nothing, and a read of an absent key is NoSuchKey
            assertThatThrownBy(() -> client.putObject(r -> r.bucket("other").key("k"), RequestBody.fromString("x")))
                    .isInstanceOf(S3Exception.class).hasMessageContaining("NoSuchBucket");
            assertThatThrownBy(() -> client.getObjectAsBytes(r -> r.bucket("b").key("k")))
                    .isInstanceOf(S3Exception.class).hasMessageContaining("NoSuchKey");
            assertThat(s3.puts()).isEmpty();
        }
    }

    @Test
    void aFaultForOneOperationLeavesTheOthersServed() throws Exception {
        try (S3Stub s3 = new S3Stub().store("b", "k", "v"); S3Client client = s3.client()) {
            // GIVEN the next two puts fail 403 and every read is refused
            s3.failNext(Operation.PUT_OBJECT, 2, 403, "AccessDenied").refuse(Operation.GET_OBJECT, "KMS.AccessDenied");

            // WHEN a listing, a tag read and two puts are made
            assertThat(client.listObjectsV2(r -> r.bucket("b")).contents()).hasSize(1);
            assertThat(client.getObjectTagging(r -> r.bucket("b").key("k")).tagSet()).isEmpty();
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> client.putObject(r -> r.bucket("b").key("new"), RequestBody.fromString("x")))
                        .isInstanceOf(S3Exception.class).hasMessageContaining("AccessDenied");
            }

            // THEN only the reads of the object are refused, and a third put is stored
            assertThatThrownBy(() -> client.getObjectAsBytes(r -> r.bucket("b").key("k")))
                    .isInstanceOf(S3Exception.class).hasMessageContaining("KMS.AccessDenied");
            client.putObject(r -> r.bucket("b").key("new"), RequestBody.fromString("x"));
            assertThat(s3.requests(Operation.PUT_OBJECT)).hasSize(3);
            assertThat(s3.puts()).extracting(S3Stub.PutObject::key).containsExactly("new");
        }
    }
}
