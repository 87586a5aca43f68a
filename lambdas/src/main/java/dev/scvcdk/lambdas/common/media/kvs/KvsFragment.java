package dev.scvcdk.lambdas.common.media.kvs;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kinesis Video fragment, delivered before any of its frames.
 *
 * @param fragmentNumber the {@code AWS_KINESISVIDEO_FRAGMENT_NUMBER} tag, as a number (fragment numbers are
 *                       up to 128 digits: compare them as big integers, never as strings)
 * @param tags           the producer's tags of the fragment (Amazon Connect's {@code ContactId},
 *                       {@code STOP_STREAMING}, …), name → value in stream order; the {@code AWS_KINESISVIDEO_*}
 *                       tags are not repeated here
 * @param tracks         the tracks with frames in this fragment, track number → track name
 */
public record KvsFragment(BigInteger fragmentNumber, Map<String, String> tags, Map<Long, String> tracks)
        implements KvsMediaEvent {
    /** Amazon Connect's tag naming the contact whose audio the fragment carries (streams are reused). */
    public static final String CONTACT_ID_TAG = "ContactId";
    /** Amazon Connect's tag, {@code "true"} on the fragment where media streaming was stopped. */
    public static final String STOP_STREAMING_TAG = "STOP_STREAMING";

    public KvsFragment {
        Objects.requireNonNull(fragmentNumber, "fragmentNumber");
        tags = Map.copyOf(tags);
        tracks = Map.copyOf(tracks);
    }

    public Optional<String> tag(String name) {
        return Optional.ofNullable(tags.get(name));
    }

    /** The {@value #CONTACT_ID_TAG} tag, when the fragment has one. */
    public Optional<String> contactId() {
        return tag(CONTACT_ID_TAG);
    }

    /** True when the {@value #STOP_STREAMING_TAG} tag is {@code "true"} (any case). */
    public boolean stopStreaming() {
        return tag(STOP_STREAMING_TAG).map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
    }
}
