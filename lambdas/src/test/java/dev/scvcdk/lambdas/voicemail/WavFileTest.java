package dev.scvcdk.lambdas.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WavFileTest {

    @Test
    void theDurationIsWholeSecondsRoundedUp() {
        assertThat(WavFile.durationSeconds(0)).isZero();
        assertThat(WavFile.durationSeconds(2)).isEqualTo(1);
        assertThat(WavFile.durationSeconds(16_000)).isEqualTo(1);
        assertThat(WavFile.durationSeconds(16_002)).isEqualTo(2);
    }

    @Test
    void anOddNumberOfPcmBytesIsNotSixteenBitAudio() {
        assertThatThrownBy(() -> WavFile.header(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 bytes");
    }
}
