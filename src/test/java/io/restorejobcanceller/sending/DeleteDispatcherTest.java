package io.restorejobcanceller.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One round of DELETEs: bounded in flight, stopped, failed and drained. */
class DeleteDispatcherTest {

    private final RequestThrottle throttle = new RequestThrottle(new RateProperties(0, RateProperties.Scope.PROJECT, 0, 2,
            Duration.ofSeconds(2)), wait -> Thread.sleep(wait.toMillis()), Clock.systemUTC());
    private final DeleteDispatcher dispatcher = new DeleteDispatcher(new SendingProperties(2), throttle);
    private final List<Integer> recorded = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        dispatcher.close();
    }

    @Test
    void awaitAllReturnsOnceEveryTaskIsRecorded() throws Exception {
        var round = dispatcher.newRound(() -> false);
        for (int i = 1; i <= 10; i++) {
            int row = i;
            assertThat(round.submit("A", () -> row, recorded::add)).isTrue();
        }
        round.awaitAll();
        assertThat(recorded).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void noMoreThanConcurrencyRequestsAreInFlight() throws Exception {
        var round = dispatcher.newRound(() -> false);
        var inFlight = new AtomicInteger();
        var most = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            round.submit("A", () -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                TimeUnit.MILLISECONDS.sleep(2);
                inFlight.decrementAndGet();
                return 0;
            }, recorded::add);
        }
        round.awaitAll();
        assertThat(most.get()).isEqualTo(2);
        assertThat(recorded).hasSize(20);
    }

    @Test
    void whileOneProjectWaitsTheOthersAreSentAndAStopDropsItsRowsUnsent() throws Exception {
        // given: project A paused by Atlas for a minute
        throttle.pause("A", Duration.ofMinutes(1));
        var stop = new AtomicBoolean();
        var round = dispatcher.newRound(stop::get);
        var sentOfA = new AtomicInteger();

        // when: rows of A and B interleaved, A's first
        for (int i = 1; i <= 3; i++) {
            int row = i;
            round.submit("A", () -> sentOfA.incrementAndGet(), n -> recorded.add(-row));
            round.submit("B", () -> row, recorded::add);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (recorded.size() < 3 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        stop.set(true);
        int dropped = round.awaitAll();

        // then: B was not held behind A; A's rows were dropped unsent
        assertThat(recorded).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(sentOfA).hasValue(0);
        assertThat(dropped).isEqualTo(3);
    }

    @Test
    void aProjectWaitsForItsOwnRateOnly() throws Exception {
        // given: one request per 10 s per project
        var slow = new DeleteDispatcher(new SendingProperties(2), new RequestThrottle(new RateProperties(6,
                RateProperties.Scope.PROJECT, 0, 2, Duration.ofSeconds(2)), wait -> Thread.sleep(wait.toMillis()), Clock.systemUTC()));
        var stop = new AtomicBoolean();
        var round = slow.newRound(stop::get);

        // when: two rows of each of five projects
        for (String project : List.of("A", "B", "C", "D", "E")) {
            round.submit(project, () -> 1, recorded::add);
            round.submit(project, () -> 2, recorded::add);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (recorded.size() < 5 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        TimeUnit.MILLISECONDS.sleep(300);
        stop.set(true);
        int dropped = round.awaitAll();
        slow.close();

        // then: each project's first row went at once, each second one waits its project's 10 s
        assertThat(recorded).containsOnly(1).hasSize(5);
        assertThat(dropped).isEqualTo(5);
    }

    @Test
    void aStopTakesNothingMoreAndSendsNothing() throws Exception {
        var stop = new AtomicBoolean();
        var round = dispatcher.newRound(stop::get);
        round.submit("A", () -> 1, recorded::add);
        round.awaitAll();
        stop.set(true);
        var sent = new AtomicBoolean();
        assertThat(round.submit("A", () -> {
            sent.set(true);
            return 2;
        }, recorded::add)).isFalse();
        round.awaitAll();
        assertThat(sent).isFalse();
        assertThat(recorded).containsExactly(1);
    }

    @Test
    void aFailedSendStopsTheRoundAndIsRethrownOnceTheOthersAreRecorded() throws Exception {
        var round = dispatcher.newRound(() -> false);
        var slowOneStarted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        round.submit("A", () -> {
            slowOneStarted.countDown();
            release.await();
            return 1;
        }, recorded::add);
        slowOneStarted.await();
        round.<Integer>submit("A", () -> {
            throw new RunRefusedException("401");
        }, recorded::add);
        while (!round.failed()) {
            Thread.onSpinWait();
        }
        assertThat(round.submit("A", () -> 3, recorded::add)).isFalse();
        release.countDown();
        assertThatThrownBy(round::awaitAll).isInstanceOf(RunRefusedException.class);
        assertThat(recorded).containsExactly(1);
    }
}
