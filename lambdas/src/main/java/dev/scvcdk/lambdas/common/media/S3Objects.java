package dev.scvcdk.lambdas.common.media;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The two S3 reads the Contact Lens functions make: an object as UTF-8 text, and every key under a prefix. */
public final class S3Objects {
    private final S3Client s3;

    public S3Objects(S3Client s3) {
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    /** GetObject, decoded as UTF-8 (SCV decodes as ASCII, which turns every non-ASCII character into garbage). */
    public String readUtf8(String bucket, String key) {
        ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
        return new String(bytes.asByteArray(), StandardCharsets.UTF_8);
    }

    /**
     * ListObjectsV2 under {@code prefix}, following {@code NextContinuationToken} to the last page (SCV reads only
     * the first 1,000 keys of a day), in S3's order.
     */
    public List<String> listKeys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response page = s3.listObjectsV2(request.build());
            for (S3Object object : page.contents()) {
                keys.add(object.key());
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null && !token.isEmpty());
        return keys;
    }
}
