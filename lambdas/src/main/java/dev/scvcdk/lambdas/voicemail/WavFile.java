package dev.scvcdk.lambdas.voicemail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A RIFF/WAVE file of Amazon Connect's audio: PCM, 1 channel, 8000 Hz, 16 bit (16000 bytes per second, block
 * align 2), with the real RIFF and data chunk sizes (SCV's streaming writer never fills them in).
 */
public final class WavFile {
    public static final int HEADER_BYTES = 44;
    public static final int SAMPLE_RATE = 8000;
    public static final int BYTES_PER_SECOND = SAMPLE_RATE * 2;
    /** The RIFF size field is 32 bits. */
    static final long MAX_PCM_BYTES = 0xFFFFFFFFL - (HEADER_BYTES - 8);

    private WavFile() {
    }

    /** The header followed by {@code pcm} (16-bit little-endian samples). */
    public static byte[] of(byte[] pcm) {
        byte[] header = header(pcm.length);
        byte[] file = new byte[header.length + pcm.length];
        System.arraycopy(header, 0, file, 0, header.length);
        System.arraycopy(pcm, 0, file, header.length, pcm.length);
        return file;
    }

    /** The 44-byte header of a file holding {@code pcmBytes} bytes of PCM. */
    public static byte[] header(long pcmBytes) {
        if (pcmBytes < 0 || pcmBytes > MAX_PCM_BYTES || pcmBytes % 2 != 0) {
            throw new IllegalArgumentException("PCM length is " + pcmBytes
                    + " bytes: must be an even number of bytes up to " + MAX_PCM_BYTES);
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII));
        header.putInt((int) (HEADER_BYTES - 8 + pcmBytes));
        header.put("WAVE".getBytes(StandardCharsets.US_ASCII));
        header.put("fmt ".getBytes(StandardCharsets.US_ASCII));
        header.putInt(16);                 // fmt chunk size
        header.putShort((short) 1);        // PCM
        header.putShort((short) 1);        // channels
        header.putInt(SAMPLE_RATE);
        header.putInt(BYTES_PER_SECOND);
        header.putShort((short) 2);        // block align
        header.putShort((short) 16);       // bits per sample
        header.put("data".getBytes(StandardCharsets.US_ASCII));
        header.putInt((int) pcmBytes);
        return header.array();
    }

    /** Whole seconds of audio, rounded up: SCV's {@code vm_duration}. */
    public static long durationSeconds(long pcmBytes) {
        return (pcmBytes + BYTES_PER_SECOND - 1) / BYTES_PER_SECOND;
    }
}
