package io.restorejobcanceller.job;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs DELETE tasks on {@code concurrency} worker threads. A {@link Round} (one per chunk) takes tasks in row order
 * while the writer goes on deciding the next rows, and never has more than {@code concurrency} in flight. Once a task
 * fails (a 401, the skip limit) the round takes no more; {@link Round#awaitAll()} lets the tasks in flight finish
 * (their outcomes get recorded) and rethrows the first failure.
 */
public class DeleteDispatcher implements AutoCloseable {

    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private final int concurrency;
    private final ExecutorService workers;

    public DeleteDispatcher(int concurrency) {
        this.concurrency = concurrency;
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "atlas-delete-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public Round newRound() {
        return new Round();
    }

    public final class Round {

        private final Semaphore inFlight = new Semaphore(concurrency);
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        private Round() {
        }

        /** Whether a task has failed: the caller should submit nothing more. */
        public boolean failed() {
            return failure.get() != null;
        }

        /** Runs the task on a worker, waiting first while {@code concurrency} tasks are in flight. */
        public void submit(Task task) throws InterruptedException {
            inFlight.acquire();
            if (failed()) {
                inFlight.release();
                return;
            }
            workers.execute(() -> {
                try {
                    task.run();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        }

        /** Waits for every task in flight, then rethrows the first failure, if any. */
        public void awaitAll() throws Exception {
            inFlight.acquire(concurrency);
            inFlight.release(concurrency);
            if (failed()) {
                throw failure.get();
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
