package io.restorejobcanceller.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HumanDurationTest {

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(HumanDuration.of(Duration.ofMillis(800))).isEqualTo("800 ms");
        assertThat(HumanDuration.of(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(HumanDuration.of(Duration.ofSeconds(1220))).isEqualTo("20 min 20 s");
        assertThat(HumanDuration.of(Duration.ofMinutes(20))).isEqualTo("20 min");
        assertThat(HumanDuration.of(Duration.ofMinutes(65))).isEqualTo("1 h 5 min");
        assertThat(HumanDuration.of(Duration.ofHours(3))).isEqualTo("3 h");
    }
}
