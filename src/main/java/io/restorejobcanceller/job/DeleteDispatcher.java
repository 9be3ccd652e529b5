package io.restorejobcanceller.job;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Runs a task per item with at most {@code concurrency} of them in flight, dispatched in item order. Once a task
 * fails (a 401, the skip limit) or a stop is requested, nothing more is dispatched; the tasks in flight finish
 * (their outcomes get recorded) and then the first failure is rethrown.
 */
public class DeleteDispatcher implements AutoCloseable {

    @FunctionalInterface
    public interface Task<T> {
        void run(T item) throws Exception;
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

    public <T> void forEach(List<T> items, Task<T> task, BooleanSupplier stopRequested) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (T item : items) {
            inFlight.acquire();
            if (failure.get() != null || stopRequested.getAsBoolean()) {
                inFlight.release();
                break;
            }
            workers.execute(() -> {
                try {
                    task.run(item);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(concurrency);
        inFlight.release(concurrency);
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
