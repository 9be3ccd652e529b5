package io.restorejobcanceller.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.restorejobcanceller.testing.RecordingSleeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RequestThrottleTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void aRetryAfterPausesEveryWorker() throws Exception {
        // given
        RequestThrottle throttle = new RequestThrottle(new RateProperties(0, 2, Duration.ofSeconds(2)), sleeper, sleeper.clock());

        // when: one worker got a 429 with Retry-After 30; another worker wants to send
        throttle.pauseAll(Duration.ofSeconds(30));
        Thread other = new Thread(() -> {
            try {
                throttle.beforeRequest();
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
        RequestThrottle throttle = new RequestThrottle(new RateProperties(0, 2, Duration.ofSeconds(2)), sleeper, sleeper.clock());

        // when
        throttle.observeRemaining(10);
        throttle.beforeRequest();
        throttle.observeRemaining(2);
        throttle.beforeRequest();

        // then
        assertThat(sleeper.waits()).singleElement().satisfies(wait ->
                assertThat(wait).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(2)));
    }

    @Test
    void theRateLimiterSpreadsRequestsEvenly() throws Exception {
        // given: 60 a minute is one a second
        RequestThrottle throttle = new RequestThrottle(new RateProperties(60, 2, Duration.ofSeconds(2)), sleeper, sleeper.clock());

        // when
        for (int i = 0; i < 4; i++) {
            throttle.beforeRequest();
        }

        // then: the first goes at once, each later one is given its own later second
        assertThat(sleeper.waits()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sleeper.waits().get(sleeper.waits().size() - 1)).isGreaterThan(Duration.ofMillis(1500));
    }

    @Test
    void pausesAreCountedAndSummedNotLoggedEachTime(CapturedOutput output) {
        // given
        RequestThrottle throttle = new RequestThrottle(new RateProperties(0, 2, Duration.ofSeconds(2)), sleeper, sleeper.clock());

        // when: eight workers get a 429 with Retry-After 1 at about the same time (one pause, extended to 1.007 s),
        // then two later ones after it has ended
        for (int worker = 0; worker < 8; worker++) {
            throttle.pauseAll(Duration.ofMillis(1000 + worker));
        }
        sleeper.sleep(Duration.ofSeconds(5));
        throttle.pauseAll(Duration.ofSeconds(1));
        sleeper.sleep(Duration.ofSeconds(5));
        throttle.pauseAll(Duration.ofSeconds(2));

        // then
        assertThat(output.getAll().lines().filter(line -> line.contains("Atlas asked to wait"))).singleElement()
                .asString().contains("every worker pauses for 1 s");
        RequestThrottle.Pauses pauses = throttle.takePauses();
        assertThat(pauses.count()).isEqualTo(3);
        // 1.007 + 1 + 2 s, plus the real time between the calls (the clock is the wall clock plus the waits)
        assertThat(pauses.total()).isBetween(Duration.ofMillis(4007), Duration.ofMillis(4500));
        assertThat(pauses).hasToString("paused 3 times for Atlas's Retry-After or a low RateLimit-Remaining, 4 s in all");
        assertThat(throttle.pauses().count()).isZero();
    }
}
