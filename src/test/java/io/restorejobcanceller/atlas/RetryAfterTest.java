package io.restorejobcanceller.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void deltaSecondsAreTheWait() {
        assertThat(RetryAfter.parse(" 55 ", clock)).isEqualTo(Duration.ofSeconds(55));
    }

    @Test
    void anHttpDateIsTheTimeLeftUntilThen() {
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 10:01:30 GMT", clock)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void anHttpDateAlreadyPastMeansNoWait() {
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 09:59:00 GMT", clock)).isEqualTo(Duration.ZERO);
    }

    @Test
    void aNegativeDeltaMeansNoWait() {
        assertThat(RetryAfter.parse("-5", clock)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anUnreadableValueIsIgnored() {
        assertThat(RetryAfter.parse("soon", clock)).isNull();
    }
}
