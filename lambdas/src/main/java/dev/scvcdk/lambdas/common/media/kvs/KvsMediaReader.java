package dev.scvcdk.lambdas.common.media.kvs;

import com.amazonaws.kinesisvideo.parser.ebml.EBMLTypeInfo;
import com.amazonaws.kinesisvideo.parser.ebml.InputStreamParserByteSource;
import com.amazonaws.kinesisvideo.parser.ebml.MkvTypeInfos;
import com.amazonaws.kinesisvideo.parser.mkv.Frame;
import com.amazonaws.kinesisvideo.parser.mkv.MkvDataElement;
import com.amazonaws.kinesisvideo.parser.mkv.MkvElement;
import com.amazonaws.kinesisvideo.parser.mkv.MkvElementVisitException;
import com.amazonaws.kinesisvideo.parser.mkv.MkvEndMasterElement;
import com.amazonaws.kinesisvideo.parser.mkv.MkvStartMasterElement;
import com.amazonaws.kinesisvideo.parser.mkv.StreamingMkvReader;
import com.amazonaws.kinesisvideo.parser.utilities.FragmentMetadata;
import com.amazonaws.kinesisvideo.parser.utilities.FragmentMetadataVisitor;
import com.amazonaws.kinesisvideo.parser.utilities.MkvTag;
import com.amazonaws.kinesisvideo.parser.utilities.MkvTrackMetadata;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a GetMedia response — Kinesis Video's Matroska stream, one Segment per fragment — with the Kinesis Video
 * parser library ({@link StreamingMkvReader}, {@link FragmentMetadataVisitor} for the fragment number, track
 * names and producer tags), and delivers it fragment by fragment as the bytes arrive: first the fragment's
 * {@link KvsFragment} (number and every tag of the fragment, wherever in the fragment the producer put it), then
 * its {@link KvsFrame}s. A fragment is delivered once it has been read to its end, so that a caller deciding from
 * the tags to stop (another contact, {@code STOP_STREAMING}) sees them before any of that fragment's audio; at most
 * one fragment is held in memory, never the stream.
 *
 * <p>The caller may stop at any point: {@link #close()} closes the response body, which aborts the connection
 * (the rest of a live stream is never read). Not thread-safe: one reader per stream and thread.
 */
public final class KvsMediaReader implements AutoCloseable {
    private static final String AWS_TAG_PREFIX = "AWS_KINESISVIDEO";

    private final CountingInputStream body;
    private final StreamingMkvReader reader;
    private final FragmentMetadataVisitor metadata;
    private final Deque<KvsMediaEvent> ready = new ArrayDeque<>();

    /** The fragment being read: its producer tags and frames, delivered when it ends. */
    private Map<String, String> tags;
    private List<ReadFrame> frames;
    private int declaredTracks;
    private Optional<FragmentMetadata> fragmentMetadata = Optional.empty();
    private boolean ended;
    private boolean sawSegment;

    private KvsMediaReader(InputStream body) {
        this.body = new CountingInputStream(Objects.requireNonNull(body, "body"));
        this.reader = StreamingMkvReader.createDefault(new InputStreamParserByteSource(this.body));
        this.metadata = FragmentMetadataVisitor.create(Optional.of(new FragmentMetadataVisitor.MkvTagProcessor() {
            @Override
            public void process(MkvTag tag, Optional<FragmentMetadata> fragment) {
                if (tags != null && !tag.getTagName().startsWith(AWS_TAG_PREFIX)) {
                    tags.put(tag.getTagName(), tag.getTagValue());
                }
            }
        }));
    }

    /** A reader of {@code mkv}, which it owns and closes. */
    public static KvsMediaReader of(InputStream mkv) {
        return new KvsMediaReader(mkv);
    }

    /**
     * The next fragment or frame, reading (and blocking) as far as needed; empty at the end of the stream (for
     * GetMedia, when Kinesis Video has had no new fragment for a few seconds).
     *
     * @throws KvsMediaException when the stream is not Kinesis Video Matroska, carries a Kinesis Video error
     *                           tag, or cannot be read
     */
    public Optional<KvsMediaEvent> next() {
        while (ready.isEmpty() && !ended) {
            readElement();
        }
        return Optional.ofNullable(ready.poll());
    }

    private void readElement() {
        try {
            if (!reader.mightHaveNext()) {
                ended = true;
                if (!sawSegment && body.count > 0) {
                    // The parser skips what it does not recognise: bytes without a Segment are not media.
                    throw new KvsMediaException("the stream's " + body.count + " bytes hold no Matroska Segment");
                }
                endFragment();
                return;
            }
            Optional<MkvElement> next = reader.nextIfAvailable();
            if (next.isEmpty()) {
                return;
            }
            MkvElement element = next.get();
            EBMLTypeInfo type = element.getElementMetaData().getTypeInfo();
            boolean starts = element instanceof MkvStartMasterElement;
            if (starts && (MkvTypeInfos.EBML.equals(type) || MkvTypeInfos.SEGMENT.equals(type))) {
                // A new fragment begins: the previous one (an unknown-size Segment) is complete.
                endFragment();
            }
            element.accept(metadata);
            if (starts && MkvTypeInfos.SEGMENT.equals(type)) {
                sawSegment = true;
                tags = new LinkedHashMap<>();
                frames = new ArrayList<>();
                declaredTracks = 0;
                fragmentMetadata = Optional.empty();
            } else if (starts && MkvTypeInfos.CLUSTER.equals(type) && frames != null) {
                fragmentMetadata = metadata.getCurrentFragmentMetadata();
            } else if (starts && MkvTypeInfos.TRACKENTRY.equals(type) && frames != null) {
                declaredTracks++;
            } else if (MkvTypeInfos.SIMPLEBLOCK.equals(type) && frames != null) {
                // Copied now: the parser may reuse the frame's buffer for the next element.
                Frame frame = (Frame) ((MkvDataElement) element).getValueCopy().getVal();
                ByteBuffer data = frame.getFrameData().duplicate();
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                frames.add(new ReadFrame(frame.getTrackNumber(), bytes));
            } else if (element instanceof MkvEndMasterElement && MkvTypeInfos.SEGMENT.equals(type)) {
                endFragment();
            }
        } catch (KvsMediaException e) {
            throw e;
        } catch (MkvElementVisitException | RuntimeException e) {
            throw new KvsMediaException("Kinesis Video media could not be read: " + describe(e), e);
        }
    }

    /** Queues the fragment read so far — its tags, then its frames — and forgets it. */
    private void endFragment() {
        if (tags == null) {
            return;
        }
        Optional<FragmentMetadata> fragment = fragmentMetadata.isPresent()
                ? fragmentMetadata : metadata.getCurrentFragmentMetadata();
        Map<String, String> fragmentTags = tags;
        List<ReadFrame> fragmentFrames = frames;
        tags = null;
        frames = null;
        if (fragment.isEmpty()) {
            if (fragmentFrames.isEmpty() && fragmentTags.isEmpty()) {
                return; // an empty Segment (stream end): nothing to deliver
            }
            throw new KvsMediaException("a Kinesis Video fragment has no AWS_KINESISVIDEO_FRAGMENT_NUMBER tag");
        }
        FragmentMetadata meta = fragment.get();
        if (!meta.isSuccess()) {
            throw new KvsMediaException("Kinesis Video reported error " + meta.getErrorCode() + " (id "
                    + meta.getErrorId() + ") at fragment " + meta.getFragmentNumberString());
        }
        Map<Long, String> trackNames = new LinkedHashMap<>();
        Map<Long, Optional<AudioTrack>> directions = new LinkedHashMap<>();
        for (ReadFrame frame : fragmentFrames) {
            trackNames.computeIfAbsent(frame.trackNumber(), this::trackName);
        }
        KvsFragment event = new KvsFragment(meta.getFragmentNumber(), fragmentTags, trackNames);
        ready.add(event);
        int trackCount = Math.max(declaredTracks, trackNames.size());
        for (ReadFrame frame : fragmentFrames) {
            String name = trackNames.get(frame.trackNumber());
            Optional<AudioTrack> direction = directions.computeIfAbsent(frame.trackNumber(),
                    number -> AudioTrack.of(name, trackCount));
            ready.add(new KvsFrame(meta.getFragmentNumber(), name, direction, frame.data()));
        }
    }

    private String trackName(long trackNumber) {
        MkvTrackMetadata track = metadata.getMkvTrackMetadata(trackNumber);
        if (track == null) {
            throw new KvsMediaException("a frame is on track " + trackNumber + ", which the fragment's Tracks do not "
                    + "declare");
        }
        return track.getTrackName() == null ? "" : track.getTrackName();
    }

    private record ReadFrame(long trackNumber, byte[] data) {
    }

    /** Counts the bytes read, to tell an empty stream from one that is not media. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        return cause == e ? message : message + " (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage()) + ")";
    }

    /** Closes the stream; with a GetMedia body this aborts the connection. */
    @Override
    public void close() {
        ended = true;
        ready.clear();
        try {
            body.close();
        } catch (IOException e) {
            // Closing only releases the connection; nothing is lost when that fails.
        }
    }
}
