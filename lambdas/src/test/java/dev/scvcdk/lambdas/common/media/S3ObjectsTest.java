package dev.scvcdk.lambdas.common.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scvcdk.lambdas.testsupport.AwsSystemProperties;
import dev.scvcdk.lambdas.testsupport.S3Stub;
import dev.scvcdk.lambdas.testsupport.S3Stub.Operation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The SDK's S3 client from {@link S3Clients}, against a path-style loopback stand-in (AWS_ENDPOINT_URL_S3). */
class S3ObjectsTest {

    @Test
    void listKeysFollowsEveryPageAndDecodesKeysWithSpacesAndPlusSigns() throws Exception {
        try (S3Stub s3 = new S3Stub();
             AwsSystemProperties properties = AwsSystemProperties.with(Map.of("aws.endpointUrlS3", s3.endpoint()));
             S3Client client = S3Clients.create()) {
            // GIVEN five keys under the prefix (two with characters S3 URL-encodes), one outside, pages of two
            s3.pageSize(2);
            for (String key : new String[] {"p/a.json", "p/b c.json", "p/d+e.json", "p/f.json", "p/g.json", "q/h.json"}) {
                s3.store("bucket", key, "{}");
            }

            // WHEN the prefix is listed
            // THEN every key comes back, in S3's order, after three signed, path-style requests
            assertThat(new S3Objects(client).listKeys("bucket", "p/"))
                    .containsExactly("p/a.json", "p/b c.json", "p/d+e.json", "p/f.json", "p/g.json");
            assertThat(s3.requests(Operation.LIST_OBJECTS_V2)).hasSize(3).allSatisfy(r -> {
                assertThat(r.path()).isEqualTo("/bucket");
                assertThat(r.signed()).isTrue();
            });
        }
    }

    @Test
    void readUtf8DecodesMultiByteCharacters() throws Exception {
        try (S3Stub s3 = new S3Stub();
             AwsSystemProperties properties = AwsSystemProperties.with(Map.of("aws.endpointUrlS3", s3.endpoint()));
             S3Client client = S3Clients.create()) {
            // GIVEN an object in UTF-8 with two-, three- and four-byte characters
            s3.store("bucket", "dir/a key.json", "Ça — 日本 😀".getBytes(StandardCharsets.UTF_8));

            // WHEN / THEN it reads back unchanged, from its path-style address
            assertThat(new S3Objects(client).readUtf8("bucket", "dir/a key.json")).isEqualTo("Ça — 日本 😀");
            assertThat(s3.requests(Operation.GET_OBJECT)).singleElement()
                    .satisfies(r -> assertThat(r.path()).isEqualTo("/bucket/dir/a key.json"));
        }
    }
}
