package io.restorejobcanceller.sending;

import io.restorejobcanceller.atlas.Endpoint;
import io.restorejobcanceller.testing.Rates;
import io.restorejobcanceller.atlas.RunRefusedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One chunk's queue of rows: bounded in flight, stopped, failed and drained. The throttle's clock stands still, so a
 * rate or a pause never passes during a test; the tests wait for what they expect with latches, never for time.
 */
class RequestDispatcherTest {

    private static final Clock STANDING_STILL = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

    private final RequestThrottle throttle = throttle(0);
    private final RequestDispatcher dispatcher = new RequestDispatcher(new SendingProperties(2), throttle);
    private final List<Integer> recorded = new CopyOnWriteArrayList<>();

    private static RequestThrottle throttle(int requestsPerMinute) {
        return new RequestThrottle(Rates.configured(requestsPerMinute, RateProperties.Scope.PROJECT, 0, 2, Duration.ofSeconds(2)),
                wait -> {
                    throw new AssertionError("the dispatcher never waits in the throttle");
                }, STANDING_STILL, new AtlasPauses());
    }

    @AfterEach
    void close() {
        dispatcher.close();
    }

    @Test
    void awaitAllReturnsOnceEveryTaskIsRecorded() throws Exception {
        var queue = dispatcher.newQueue(() -> false);
        for (int i = 1; i <= 10; i++) {
            int row = i;
            assertThat(queue.submit(Endpoint.CANCEL, "A", () -> row, recorded::add)).isTrue();
        }
        queue.awaitAll();
        assertThat(recorded).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void noMoreThanConcurrencyRequestsAreInFlight() throws Exception {
        var queue = dispatcher.newQueue(() -> false);
        var inFlight = new AtomicInteger();
        var most = new AtomicInteger();
        var pairs = new CyclicBarrier(2); // each request waits until another is in flight with it
        for (int i = 0; i < 20; i++) {
            queue.submit(Endpoint.CANCEL, "A", () -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                pairs.await(10, TimeUnit.SECONDS);
                inFlight.decrementAndGet();
                return 0;
            }, recorded::add);
        }
        queue.awaitAll();
        assertThat(most.get()).isEqualTo(2);
        assertThat(recorded).hasSize(20);
    }

    @Test
    void whileOneProjectWaitsTheOthersAreSentAndAStopDropsItsRowsUnsent() throws Exception {
        // given: project A paused by Atlas for a minute
        throttle.pause(Endpoint.CANCEL, "A", Duration.ofMinutes(1));
        var stop = new AtomicBoolean();
        var queue = dispatcher.newQueue(stop::get);
        var sentOfA = new AtomicInteger();
        var allOfB = new CountDownLatch(3);

        // when: rows of A and B interleaved, A's first
        for (int i = 1; i <= 3; i++) {
            int row = i;
            queue.submit(Endpoint.CANCEL, "A", () -> sentOfA.incrementAndGet(), n -> recorded.add(-row));
            queue.submit(Endpoint.CANCEL, "B", () -> row, n -> {
                recorded.add(n);
                allOfB.countDown();
            });
        }
        assertThat(allOfB.await(10, TimeUnit.SECONDS)).isTrue();
        stop.set(true);
        int dropped = queue.awaitAll();

        // then: B was not held behind A; A's rows were dropped unsent
        assertThat(recorded).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(sentOfA).hasValue(0);
        assertThat(dropped).isEqualTo(3);
    }

    @Test
    void aProjectWaitsForItsOwnRateOnly() throws Exception {
        // given: one request per 10 s per project
        var slow = new RequestDispatcher(new SendingProperties(2), throttle(6));
        var stop = new AtomicBoolean();
        var queue = slow.newQueue(stop::get);
        var firsts = new CountDownLatch(5);

        // when: two rows of each of five projects
        for (String project : List.of("A", "B", "C", "D", "E")) {
            queue.submit(Endpoint.CANCEL, project, () -> 1, n -> {
                recorded.add(n);
                firsts.countDown();
            });
            queue.submit(Endpoint.CANCEL, project, () -> 2, recorded::add);
        }
        assertThat(firsts.await(10, TimeUnit.SECONDS)).isTrue();
        stop.set(true);
        int dropped = queue.awaitAll();
        slow.close();

        // then: each project's first row went at once, each second one waits its project's 10 s (which never pass)
        assertThat(recorded).containsOnly(1).hasSize(5);
        assertThat(dropped).isEqualTo(5);
    }

    @Test
    void aStopTakesNothingMoreAndSendsNothing() throws Exception {
        var stop = new AtomicBoolean();
        var queue = dispatcher.newQueue(stop::get);
        queue.submit(Endpoint.CANCEL, "A", () -> 1, recorded::add);
        queue.awaitAll();
        stop.set(true);
        var sent = new AtomicBoolean();
        assertThat(queue.submit(Endpoint.CANCEL, "A", () -> {
            sent.set(true);
            return 2;
        }, recorded::add)).isFalse();
        queue.awaitAll();
        assertThat(sent).isFalse();
        assertThat(recorded).containsExactly(1);
    }

    @Test
    void aFailedSendStopsTheQueueAndIsRethrownOnceTheOthersAreRecorded() throws Exception {
        var queue = dispatcher.newQueue(() -> false);
        var slowOneStarted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        queue.submit(Endpoint.CANCEL, "A", () -> {
            slowOneStarted.countDown();
            release.await();
            return 1;
        }, recorded::add);
        slowOneStarted.await();
        queue.<Integer>submit(Endpoint.CANCEL, "A", () -> {
            throw new RunRefusedException("401");
        }, recorded::add);
        while (!queue.failed()) {
            Thread.onSpinWait();
        }
        assertThat(queue.submit(Endpoint.CANCEL, "A", () -> 3, recorded::add)).isFalse();
        release.countDown();
        assertThatThrownBy(queue::awaitAll).isInstanceOf(RunRefusedException.class);
        assertThat(recorded).containsExactly(1);
    }
}
