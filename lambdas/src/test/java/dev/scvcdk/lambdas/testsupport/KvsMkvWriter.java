package dev.scvcdk.lambdas.testsupport;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Matroska the way Kinesis Video GetMedia answers it, for stand-ins: per fragment an EBML header and an
 * unknown-size Segment holding Info, Tracks (named 16-bit PCM audio tracks, 8000 Hz mono), Tags
 * ({@code AWS_KINESISVIDEO_FRAGMENT_NUMBER}, server and producer timestamps, then the producer's tags such as
 * {@code ContactId} and {@code STOP_STREAMING}), and one Cluster of SimpleBlocks. Producer tags can also be put
 * after the Cluster, and a fragment can be an error chunk ({@code AWS_KINESISVIDEO_ERROR_CODE}).
 *
 * <pre>{@code
 * byte[] mkv = new KvsMkvWriter()                            // tracks 1 AUDIO_FROM_CUSTOMER, 2 AUDIO_TO_CUSTOMER
 *         .fragment("1001", Map.of("ContactId", "c-1")).frame(1, KvsMkvWriter.pcm(800, 100)).frame(2, ...)
 *         .fragment("1002", Map.of("ContactId", "c-1", "STOP_STREAMING", "true")).frame(1, ...)
 *         .toBytes();
 * }</pre>
 */
public final class KvsMkvWriter {
    public static final String FROM_CUSTOMER = "AUDIO_FROM_CUSTOMER";
    public static final String TO_CUSTOMER = "AUDIO_TO_CUSTOMER";

    private record Block(int track, byte[] data) {
    }

    private static final class Fragment {
        final String number;
        final Map<String, String> tags;
        final boolean tagsAfterCluster;
        final String errorCode;
        final List<Block> blocks = new ArrayList<>();

        Fragment(String number, Map<String, String> tags, boolean tagsAfterCluster, String errorCode) {
            this.number = number;
            this.tags = new LinkedHashMap<>(tags);
            this.tagsAfterCluster = tagsAfterCluster;
            this.errorCode = errorCode;
        }
    }

    private List<String> tracks = List.of(FROM_CUSTOMER, TO_CUSTOMER);
    private final List<Fragment> fragments = new ArrayList<>();

    /** The track names, numbered from 1 in this order (default: from, then to the customer). */
    public KvsMkvWriter tracks(String... names) {
        tracks = List.of(names);
        return this;
    }

    /** Starts a fragment; its producer tags come before its Cluster, as Kinesis Video's fragment tags do. */
    public KvsMkvWriter fragment(String number, Map<String, String> producerTags) {
        fragments.add(new Fragment(number, producerTags, false, null));
        return this;
    }

    /** Starts a fragment whose producer tags follow its Cluster (the fragment number still precedes it). */
    public KvsMkvWriter fragmentTaggedAfterFrames(String number, Map<String, String> producerTags) {
        fragments.add(new Fragment(number, producerTags, true, null));
        return this;
    }

    /** An error chunk, as GetMedia sends when it cannot read on: fragment number, error id and code. */
    public KvsMkvWriter error(String fragmentNumber, String errorCode) {
        fragments.add(new Fragment(fragmentNumber, Map.of(), false, errorCode));
        return this;
    }

    /** Adds a SimpleBlock to the last fragment. */
    public KvsMkvWriter frame(int track, byte[] data) {
        fragments.get(fragments.size() - 1).blocks.add(new Block(track, data));
        return this;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Fragment fragment : fragments) {
            out.writeBytes(fragment(fragment));
        }
        return out.toByteArray();
    }

    /** {@code samples} 16-bit little-endian samples, all {@code value}. */
    public static byte[] pcm(int samples, int value) {
        ByteBuffer buffer = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            buffer.putShort((short) value);
        }
        return buffer.array();
    }

    /** A fragment number of Kinesis Video's length (47 digits) ending in {@code suffix}. */
    public static String fragmentNumber(long suffix) {
        return new BigInteger("91343852333181432392682062607743920146264440000").add(BigInteger.valueOf(suffix))
                .toString();
    }

    private byte[] fragment(Fragment fragment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(element(0x1A45DFA3, concat(
                uint(0x4286, 1), uint(0x42F7, 1), uint(0x42F2, 4), uint(0x42F3, 8),
                string(0x4282, "matroska"), uint(0x4287, 2), uint(0x4285, 2))));
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        segment.writeBytes(element(0x1549A966, concat(uint(0x2AD7B1, 1_000_000), string(0x4D80, "KvsMkvWriter"))));
        ByteArrayOutputStream trackEntries = new ByteArrayOutputStream();
        for (int i = 0; i < tracks.size(); i++) {
            trackEntries.writeBytes(element(0xAE, concat(uint(0xD7, i + 1), uint(0x73C5, i + 1), uint(0x83, 2),
                    string(0x536E, tracks.get(i)), string(0x86, "A_PCM/INT/LIT"),
                    element(0xE1, concat(float64(0xB5, 8000.0), uint(0x9F, 1), uint(0x6264, 16))))));
        }
        segment.writeBytes(element(0x1654AE6B, trackEntries.toByteArray()));
        Map<String, String> awsTags = new LinkedHashMap<>();
        awsTags.put("AWS_KINESISVIDEO_FRAGMENT_NUMBER", fragment.number);
        if (fragment.errorCode != null) {
            awsTags.put("AWS_KINESISVIDEO_ERROR_CODE", fragment.errorCode);
            awsTags.put("AWS_KINESISVIDEO_ERROR_ID", "4000");
        } else {
            awsTags.put("AWS_KINESISVIDEO_SERVER_TIMESTAMP", "1763719200.123");
            awsTags.put("AWS_KINESISVIDEO_PRODUCER_TIMESTAMP", "1763719200.000");
        }
        if (!fragment.tagsAfterCluster) {
            awsTags.putAll(fragment.tags);
        }
        segment.writeBytes(tags(awsTags));
        if (fragment.errorCode == null) {
            ByteArrayOutputStream cluster = new ByteArrayOutputStream();
            cluster.writeBytes(uint(0xE7, 0));
            short timecode = 0;
            for (Block block : fragment.blocks) {
                ByteArrayOutputStream simple = new ByteArrayOutputStream();
                simple.write(0x80 | block.track()); // track number as a one-byte vint
                simple.write(timecode >> 8);
                simple.write(timecode & 0xff);
                simple.write(0x80); // keyframe
                simple.writeBytes(block.data());
                cluster.writeBytes(element(0xA3, simple.toByteArray()));
                timecode += 20;
            }
            segment.writeBytes(element(0x1F43B675, cluster.toByteArray()));
        }
        Map<String, String> after = new LinkedHashMap<>();
        if (fragment.tagsAfterCluster) {
            after.putAll(fragment.tags);
        }
        after.put("AWS_KINESISVIDEO_MILLIS_BEHIND_NOW", "120");
        after.put("AWS_KINESISVIDEO_CONTINUATION_TOKEN", fragment.number);
        segment.writeBytes(tags(after));
        out.writeBytes(id(0x18538067));
        out.writeBytes(new byte[] {0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF}); // unknown size, as Kinesis Video streams it
        out.writeBytes(segment.toByteArray());
        return out.toByteArray();
    }

    private static byte[] tags(Map<String, String> tags) {
        ByteArrayOutputStream simpleTags = new ByteArrayOutputStream();
        tags.forEach((name, value) -> simpleTags.writeBytes(
                element(0x67C8, concat(string(0x45A3, name), string(0x4487, value)))));
        return element(0x1254C367, element(0x7373, concat(element(0x63C0, new byte[0]), simpleTags.toByteArray())));
    }

    private static byte[] element(int id, byte[] data) {
        return concat(id(id), size(data.length), data);
    }

    private static byte[] uint(int id, long value) {
        return element(id, ByteBuffer.allocate(8).putLong(value).array());
    }

    private static byte[] float64(int id, double value) {
        return element(id, ByteBuffer.allocate(8).putDouble(value).array());
    }

    private static byte[] string(int id, String value) {
        return element(id, value.getBytes(StandardCharsets.UTF_8));
    }

    /** An element id: its bytes as written (the length marker is part of the id). */
    private static byte[] id(int id) {
        int length = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (id >>> (8 * (length - 1 - i)));
        }
        return bytes;
    }

    /** An 8-byte EBML size vint. */
    private static byte[] size(long size) {
        byte[] bytes = ByteBuffer.allocate(8).putLong(size).array();
        bytes[0] = 0x01;
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
