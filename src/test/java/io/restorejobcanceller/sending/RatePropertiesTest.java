package io.restorejobcanceller.sending;

import io.restorejobcanceller.testing.Rates;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The least time a plan announces: the busiest project's at a per-project rate, under a global cap. */
class RatePropertiesTest {

    private static final Map<String, Long> ROWS = Map.of("A", 600L, "B", 60L);

    @Test
    void theBusiestProjectSetsTheLeastTimeUnlessTheCapIsSlower() {
        assertThat(rate(100, RateProperties.Scope.PROJECT, 0).leastTimeFor(ROWS)).contains(Duration.ofMinutes(6));
        assertThat(rate(100, RateProperties.Scope.PROJECT, 60).leastTimeFor(ROWS)).contains(Duration.ofMinutes(11));
        assertThat(rate(100, RateProperties.Scope.GLOBAL, 60).leastTimeFor(ROWS)).contains(Duration.ofSeconds(396));
        assertThat(rate(0, RateProperties.Scope.PROJECT, 0).leastTimeFor(ROWS)).isEmpty();
    }

    private static RateProperties rate(int perMinute, RateProperties.Scope scope, int cap) {
        return Rates.configured(perMinute, scope, cap, 2, Duration.ofSeconds(2));
    }
}
