package dev.scvcdk.lambdas.common.media.kvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scvcdk.lambdas.testsupport.KvsMkvWriter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The MKV reader on its own: what it delivers when, and what it refuses. */
class KvsMediaReaderTest {

    @Test
    void anEmptyStreamHasNoEvents() {
        try (KvsMediaReader reader = KvsMediaReader.of(new ByteArrayInputStream(new byte[0]))) {
            assertThat(reader.next()).isEmpty();
        }
    }

    @Test
    void aFragmentIsDeliveredBeforeTheNextOneIsRead() {
        // GIVEN two fragments, counting how far the reader has read
        byte[] mkv = new KvsMkvWriter()
                .fragment(KvsMkvWriter.fragmentNumber(1), Map.of()).frame(1, KvsMkvWriter.pcm(8, 1))
                .fragment(KvsMkvWriter.fragmentNumber(2), Map.of()).frame(1, KvsMkvWriter.pcm(8, 2))
                .toBytes();
        byte[] first = new KvsMkvWriter().fragment(KvsMkvWriter.fragmentNumber(1), Map.of())
                .frame(1, KvsMkvWriter.pcm(8, 1)).toBytes();
        AtomicInteger read = new AtomicInteger();
        InputStream counting = new ByteArrayInputStream(mkv) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, Math.min(len, 64));
                read.addAndGet(Math.max(n, 0));
                return n;
            }
        };

        try (KvsMediaReader reader = KvsMediaReader.of(counting)) {
            // WHEN the first fragment is delivered
            assertThat(reader.next()).get().isInstanceOf(KvsFragment.class);

            // THEN the reader has not read far beyond it (it streams; it does not buffer the stream)
            assertThat(read.get()).isLessThan(first.length + 200);
        }
    }

    @Test
    void closingTheReaderClosesItsStream() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream body = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        KvsMediaReader.of(body).close();

        assertThat(closed).isTrue();
    }

    @Test
    void bytesThatAreNotKinesisVideoMatroskaFailTheRead() {
        byte[] text = "<html>not media</html>".repeat(20).getBytes(StandardCharsets.UTF_8);
        try (KvsMediaReader reader = KvsMediaReader.of(new ByteArrayInputStream(text))) {
            assertThatThrownBy(() -> {
                while (reader.next().isPresent()) {
                    // read to the end
                }
            }).isInstanceOf(KvsMediaException.class);
        }
    }
}
