package io.restorejobcanceller.sending;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

/**
 * Sends DELETEs on worker threads, at most {@code concurrency} of them in flight. A {@link Round} (one per chunk)
 * takes them in row order while the writer goes on deciding the next rows. A request's slot is freed as soon as its
 * answer is in, so that committing the outcome (a database write) overlaps the next requests instead of holding
 * them back. Once a task fails (a 401, the skip limit) the round takes no more; {@link Round#awaitAll()} lets the
 * tasks under way finish (their outcomes get recorded) and rethrows the first failure.
 */
@Component
public class DeleteDispatcher implements AutoCloseable {

    @FunctionalInterface
    public interface Send<R> {
        R send() throws Exception;
    }

    @FunctionalInterface
    public interface Record<R> {
        void record(R result) throws Exception;
    }

    private final int concurrency;
    private final ExecutorService workers;

    public DeleteDispatcher(SendingProperties properties) {
        this.concurrency = properties.concurrency();
        AtomicInteger number = new AtomicInteger();
        // twice as many threads as requests in flight: the other half commits outcomes meanwhile
        this.workers = Executors.newFixedThreadPool(2 * concurrency, runnable -> {
            Thread thread = new Thread(runnable, "atlas-delete-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A round that also takes nothing more once {@code stop} says so (a stop request, the skip limit). */
    public Round newRound(BooleanSupplier stop) {
        return new Round(stop);
    }

    public final class Round {

        private final Semaphore inFlight = new Semaphore(concurrency);
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final BooleanSupplier stop;
        private int underWay;

        private Round(BooleanSupplier stop) {
            this.stop = stop;
        }

        /** Whether a task has failed: the caller should submit nothing more. */
        public boolean failed() {
            return failure.get() != null;
        }

        /**
         * Sends on a worker, waiting first while {@code concurrency} requests are in flight, then records the answer.
         * Returns {@code false}, sending nothing, when a task has failed or a stop was asked for meanwhile.
         */
        public <R> boolean submit(Send<R> send, Record<R> record) throws InterruptedException {
            inFlight.acquire();
            if (failed() || stop.getAsBoolean()) {
                inFlight.release();
                return false;
            }
            synchronized (this) {
                underWay++;
            }
            workers.execute(() -> {
                try {
                    R result;
                    try {
                        result = send.send();
                    } catch (Exception e) {
                        failure.compareAndSet(null, e); // before the slot is freed: nothing more gets dispatched
                        return;
                    } finally {
                        inFlight.release();
                    }
                    record.record(result);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } catch (Error e) {
                    failure.compareAndSet(null, new IllegalStateException(e.toString(), e));
                    throw e;
                } finally {
                    finished();
                }
            });
            return true;
        }

        private synchronized void finished() {
            underWay--;
            notifyAll();
        }

        /** Waits for every task under way, then rethrows the first failure, if any. */
        public synchronized void awaitAll() throws Exception {
            while (underWay > 0) {
                wait();
            }
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
