package io.restorejobcanceller.outcome;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Commits what several threads record at the same moment in one transaction (a group commit): a thread that finds no
 * commit under way commits the records waiting, its own among them, while the others wait for theirs. A commit waits
 * for company only while records come in company (the last group held more than one): a lone recorder (every dry
 * run, concurrency 1) would otherwise wait the whole gathering time for each record (a 100,000-row dry run took
 * 10 min instead of 1). Each caller
 * returns only once its record is committed (or throws why not), so that a row still counts as done only once its
 * outcome is; a crash loses no committed record. One commit per row of an H2 file is one write of its store each: at
 * 16 DELETEs in flight that was the larger part of the canceller's CPU (bench/run).
 */
final class GroupCommit<T> {

    private static final class Waiting<T> {
        private final T item;
        private boolean done;
        private RuntimeException failure;

        private Waiting(T item) {
            this.item = item;
        }
    }

    /** Commits these together, all or none. */
    private final Consumer<List<T>> together;
    /** Commits one on its own: after a failed group, each again, so that only the one at fault fails. */
    private final Consumer<T> alone;
    private final int most;
    /** How long a commit waits for more records to join it, unless {@code most} are waiting already. */
    private final long gatherNanos;
    private final Deque<Waiting<T>> waiting = new ArrayDeque<>();
    private boolean committing;
    private int lastGroupSize;

    GroupCommit(Consumer<List<T>> together, Consumer<T> alone, int most, Duration gather) {
        this.together = together;
        this.alone = alone;
        this.most = most;
        this.gatherNanos = gather.toNanos();
    }

    /** Records waiting for a commit (not yet in one). */
    synchronized int waiting() {
        return waiting.size();
    }

    /** Returns once {@code item} is committed; throws what committing it threw. */
    void commit(T item) {
        Waiting<T> mine = new Waiting<>(item);
        boolean interrupted = false;
        synchronized (this) {
            waiting.addLast(mine);
            if (waiting.size() >= most) {
                notifyAll();
            }
        }
        try {
            while (true) {
                List<Waiting<T>> group = new ArrayList<>();
                synchronized (this) {
                    while (committing && !mine.done) {
                        try {
                            wait(); // not interruptible: the record is queued, its commit must be known
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                    if (mine.done) {
                        if (mine.failure != null) {
                            throw mine.failure;
                        }
                        return;
                    }
                    committing = true;
                    if (lastGroupSize > 1) {
                        interrupted |= gather();
                    }
                    while (!waiting.isEmpty() && group.size() < most) {
                        group.add(waiting.pollFirst());
                    }
                    lastGroupSize = group.size();
                }
                commitGroup(group);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Lets more records join the commit about to start; returns whether the thread was interrupted meanwhile. */
    private boolean gather() {
        boolean interrupted = false;
        long until = System.nanoTime() + gatherNanos;
        for (long left = gatherNanos; left > 0 && waiting.size() < most; left = until - System.nanoTime()) {
            try {
                wait(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    private void commitGroup(List<Waiting<T>> group) {
        try {
            if (group.size() == 1) {
                commitAlone(group.get(0));
            } else {
                try {
                    together.accept(group.stream().map(w -> w.item).toList());
                } catch (RuntimeException e) {
                    group.forEach(this::commitAlone);
                }
            }
        } finally {
            synchronized (this) {
                group.forEach(w -> w.done = true);
                committing = false;
                notifyAll();
            }
        }
    }

    private void commitAlone(Waiting<T> one) {
        try {
            alone.accept(one.item);
        } catch (RuntimeException e) {
            one.failure = e;
        }
    }
}
