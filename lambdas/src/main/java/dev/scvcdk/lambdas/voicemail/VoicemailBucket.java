package dev.scvcdk.lambdas.voicemail;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The two S3 reads of the voicemail jobs, over the SDK's S3 client (its standard retries apply). Every S3 error
 * is thrown as the SDK reports it: a voicemail whose recording or transcript cannot be read is not delivered,
 * so the invocation fails and the event is kept.
 */
public final class VoicemailBucket {
    private final S3Client s3;

    public VoicemailBucket(S3Client s3) {
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    /** GetObjectTagging of {@code key}. */
    public VoicemailTags tags(String bucket, String key) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : s3.getObjectTagging(request -> request.bucket(bucket).key(key)).tagSet()) {
            tags.put(tag.key(), tag.value());
        }
        return new VoicemailTags(bucket + "/" + key, tags);
    }

    /** GetObject of {@code key}, decoded as UTF-8 (Transcribe writes its JSON in UTF-8). */
    public String text(String bucket, String key) {
        return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
    }
}
