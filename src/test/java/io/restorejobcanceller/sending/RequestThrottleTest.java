package io.restorejobcanceller.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.restorejobcanceller.atlas.Endpoint;
import io.restorejobcanceller.testing.Rates;
import io.restorejobcanceller.testing.RecordingSleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RequestThrottleTest {

    private final RecordingSleeper sleeper = RecordingSleeper.standingStill();
    private final AtlasPauses pauses = new AtlasPauses();

    @Test
    void aRetryAfterPausesEveryWorker() throws Exception {
        // given
        RequestThrottle throttle = new RequestThrottle(Rates.configured(0, RateProperties.Scope.PROJECT, 0, 2, Duration.ofSeconds(2)), sleeper, sleeper.clock(), pauses);

        // when: one worker got a 429 with Retry-After 30; another worker wants to send
        throttle.pause(Endpoint.CANCEL, "A", Duration.ofSeconds(30));
        Thread other = new Thread(() -> {
            try {
                throttle.beforeRequest(Endpoint.CANCEL, "A");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        other.join();

        // then
        assertThat(sleeper.waits()).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(30)));
    }

    @Test
    void aLowRateLimitRemainingSlowsEveryoneDown() throws Exception {
        // given
        RequestThrottle throttle = new RequestThrottle(Rates.configured(0, RateProperties.Scope.PROJECT, 0, 2, Duration.ofSeconds(2)), sleeper, sleeper.clock(), pauses);

        // when
        throttle.observeRemaining(Endpoint.CANCEL, "A", 10);
        throttle.beforeRequest(Endpoint.CANCEL, "A");
        throttle.observeRemaining(Endpoint.CANCEL, "A", 2);
        throttle.beforeRequest(Endpoint.CANCEL, "A");

        // then
        assertThat(sleeper.waits()).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(2)));
    }

    @Test
    void theRateLimiterSpreadsRequestsEvenly() throws Exception {
        // given: 60 a minute is one a second
        RequestThrottle throttle = new RequestThrottle(Rates.configured(60, RateProperties.Scope.PROJECT, 0, 2, Duration.ofSeconds(2)), sleeper, sleeper.clock(), pauses);

        // when
        for (int i = 0; i < 4; i++) {
            throttle.beforeRequest(Endpoint.CANCEL, "A");
        }

        // then: the first goes at once, each later one a second after the one before
        assertThat(sleeper.waits()).hasSize(3).allSatisfy(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1)));
    }

    @Test
    void eachProjectHasItsOwnRateAndPausesUnderAGlobalCap() {
        // given: 60 a minute per project, 90 a minute in all
        RequestThrottle throttle = new RequestThrottle(Rates.configured(60, RateProperties.Scope.PROJECT, 90, 2,
                Duration.ofSeconds(2)), sleeper, sleeper.clock(), pauses);

        // when / then: A goes at once; B, whose own budget is untouched, waits for the global cap (one per 667 ms)
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "A")).isZero();
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "B")).isBetween(Duration.ofMillis(600), Duration.ofMillis(667));
        sleeper.sleep(Duration.ofMillis(700));
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "B")).isZero();
        // A's own second has passed at 1 s, but the cap allows the next request only at 1.367 s
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "A")).isBetween(Duration.ofMillis(600), Duration.ofMillis(667));

        // when: Atlas pauses A for 30 s
        throttle.pause(Endpoint.CANCEL, "A", Duration.ofSeconds(30));
        sleeper.sleep(Duration.ofSeconds(2));

        // then: B goes on, A waits about 28 s more
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "B")).isZero();
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "A")).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(28));
    }

    @Test
    void aRefillRateToldByA429SlowsThatProjectOnly() {
        // given: 600 a minute per project
        RequestThrottle throttle = new RequestThrottle(Rates.configured(600, RateProperties.Scope.PROJECT, 0, 2,
                Duration.ofSeconds(2)), sleeper, sleeper.clock(), pauses);

        // when: Atlas says A's bucket refills 6 per 60 seconds
        Bucket told = Bucket.inDetail("Please retry after 55 seconds. Request capacity: 1. Refill rate: 6 per 60 seconds").orElseThrow();
        throttle.correct(Endpoint.CANCEL, "A", told);
        throttle.correct(Endpoint.CANCEL, "A", new Bucket(1, 600, Duration.ofSeconds(60))); // never faster than learnt or configured

        // then: A gets one request per 10 s, B still one per 100 ms
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "A")).isZero();
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "A")).isBetween(Duration.ofMillis(9900), Duration.ofSeconds(10));
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "B")).isZero();
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "B")).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void pausesAreCountedAndSummedNotLoggedEachTime(CapturedOutput output) {
        // given
        RequestThrottle throttle = new RequestThrottle(Rates.configured(0, RateProperties.Scope.PROJECT, 0, 2, Duration.ofSeconds(2)), sleeper, sleeper.clock(), pauses);

        // when: eight workers get a 429 with Retry-After 1 at about the same time (one pause, extended to 1.007 s),
        // then two later ones after it has ended
        for (int worker = 0; worker < 8; worker++) {
            throttle.pause(Endpoint.CANCEL, "A", Duration.ofMillis(1000 + worker));
        }
        sleeper.sleep(Duration.ofSeconds(5));
        throttle.pause(Endpoint.CANCEL, "A", Duration.ofSeconds(1));
        sleeper.sleep(Duration.ofSeconds(5));
        throttle.pause(Endpoint.CANCEL, "A", Duration.ofSeconds(2));

        // then
        assertThat(output.getAll().lines().filter(line -> line.contains("Atlas asked to wait"))).singleElement()
                .asString().contains("project A pauses for 1 s");
        AtlasPauses.Pauses taken = pauses.take();
        assertThat(taken.count()).isEqualTo(3);
        // 1.007 + 1 + 2 s
        assertThat(taken.total()).isBetween(Duration.ofMillis(4007), Duration.ofMillis(4500));
        assertThat(taken).hasToString("paused 3 times for Atlas's Retry-After or a low RateLimit-Remaining, 4 s in all");
        assertThat(pauses.sofar().count()).isZero();
    }
}
