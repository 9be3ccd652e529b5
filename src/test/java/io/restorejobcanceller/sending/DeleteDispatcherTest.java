package io.restorejobcanceller.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private final DeleteDispatcher dispatcher = new DeleteDispatcher(new SendingProperties(2));
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
            assertThat(round.submit(() -> row, recorded::add)).isTrue();
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
            round.submit(() -> {
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
    void aStopTakesNothingMoreAndSendsNothing() throws Exception {
        var stop = new AtomicBoolean();
        var round = dispatcher.newRound(stop::get);
        round.submit(() -> 1, recorded::add);
        round.awaitAll();
        stop.set(true);
        var sent = new AtomicBoolean();
        assertThat(round.submit(() -> {
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
        round.submit(() -> {
            slowOneStarted.countDown();
            release.await();
            return 1;
        }, recorded::add);
        slowOneStarted.await();
        round.<Integer>submit(() -> {
            throw new RunRefusedException("401");
        }, recorded::add);
        while (!round.failed()) {
            Thread.onSpinWait();
        }
        assertThat(round.submit(() -> 3, recorded::add)).isFalse();
        release.countDown();
        assertThatThrownBy(round::awaitAll).isInstanceOf(RunRefusedException.class);
        assertThat(recorded).containsExactly(1);
    }
}
