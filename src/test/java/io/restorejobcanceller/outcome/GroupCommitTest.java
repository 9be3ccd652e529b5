package io.restorejobcanceller.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The outcomes' group commit: what threads record while a commit is under way goes in the next commit, one for all of
 * them, and each caller returns only once its own record is committed (the row counts as done only then).
 */
class GroupCommitTest {

    private final List<List<Integer>> commits = new CopyOnWriteArrayList<>();
    private final Set<Integer> committed = ConcurrentHashMap.newKeySet();
    private final List<String> returnedTooSoon = new CopyOnWriteArrayList<>();
    private final List<String> thrown = new CopyOnWriteArrayList<>();

    private void commit(List<Integer> items) {
        if (items.contains(13)) {
            throw new IllegalStateException("13 refused");
        }
        commits.add(items);
        committed.addAll(items);
    }

    private Thread recording(GroupCommit<Integer> group, int item) {
        Thread thread = new Thread(() -> {
            try {
                group.commit(item);
                if (!committed.contains(item)) {
                    returnedTooSoon.add(String.valueOf(item));
                }
            } catch (IllegalStateException e) {
                thrown.add(item + ": " + e.getMessage());
            }
        });
        thread.start();
        return thread;
    }

    /** Records 0 (its commit held up until the others wait for theirs), then these; waits until all have returned. */
    private void recordDuringACommit(List<Integer> others) throws InterruptedException {
        CountDownLatch firstUnderWay = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer> group = new GroupCommit<>(this::commit, item -> {
            if (item == 0) {
                firstUnderWay.countDown();
                await(release);
            }
            commit(List.of(item));
        }, 64, Duration.ZERO);
        List<Thread> threads = new ArrayList<>(List.of(recording(group, 0)));
        firstUnderWay.await();
        others.forEach(item -> threads.add(recording(group, item)));
        while (group.waiting() < others.size()) {
            Thread.onSpinWait();
        }
        release.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void whatIsRecordedDuringACommitGoesInTheNextOneTogether() throws Exception {
        // when: 15 records come while the first one's commit is under way
        recordDuringACommit(IntStream.range(20, 35).boxed().toList());

        // then: two commits for 16 records, and no caller back before its record was committed
        assertThat(commits).hasSize(2);
        assertThat(commits.get(1)).hasSize(15);
        assertThat(returnedTooSoon).isEmpty();
        assertThat(thrown).isEmpty();
    }

    @Test
    void aGroupThatFailsIsCommittedOneByOneSoThatOnlyTheFaultyRecordFails() throws Exception {
        // when: a group of three, one of which the database refuses
        recordDuringACommit(List.of(12, 13, 14));

        // then
        assertThat(thrown).containsExactly("13: 13 refused");
        assertThat(committed).containsExactlyInAnyOrder(0, 12, 14);
        assertThat(returnedTooSoon).isEmpty();
    }

    @Test
    void aLoneRecorderNeverWaitsForCompany() {
        // given: a gathering time no test could sit out (a dry run records one outcome at a time, on one thread)
        GroupCommit<Integer> group = new GroupCommit<>(this::commit, item -> commit(List.of(item)), 64, Duration.ofHours(1));

        // when: three records, one after the other
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> List.of(1, 2, 3).forEach(group::commit));

        // then: each committed at once, on its own
        assertThat(commits).containsExactly(List.of(1), List.of(2), List.of(3));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
