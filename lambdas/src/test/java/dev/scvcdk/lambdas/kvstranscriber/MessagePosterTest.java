package dev.scvcdk.lambdas.kvstranscriber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Message times: round(audioStartTimestamp + StartTime × 1000), as SCV computes them. */
class MessagePosterTest {

    @Test
    void messageTimesAreTheAudioStartPlusTheResultOffsetRoundedToTheMillisecond() {
        assertThat(MessagePoster.epochMillis(1763719200000L, 1.2346)).isEqualTo(1763719201235L);
        assertThat(MessagePoster.epochMillis(1763719200000L, 1.2344)).isEqualTo(1763719201234L);
        assertThat(MessagePoster.epochMillis(1763719200000L, 0.0005)).isEqualTo(1763719200001L);
        assertThat(MessagePoster.epochMillis(1763719200000L, 3599.9999)).isEqualTo(1763722800000L);
    }
}
