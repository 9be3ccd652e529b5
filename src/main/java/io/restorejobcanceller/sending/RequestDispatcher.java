package io.restorejobcanceller.sending;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.restorejobcanceller.atlas.Endpoint;

import org.springframework.stereotype.Component;

/**
 * Sends rows' requests (a DELETE, a {@code --check-first} GET) on worker threads, at most {@code concurrency} rows in
 * flight, without head-of-line blocking: the rows a {@link RowQueue} (one per chunk) is given wait in a queue per project, and a row is started only when its project's
 * budget allows a request now ({@link RequestThrottle#tryAcquire}), projects taking turns. While one project waits
 * (its rate spent, or paused by a 429) the slots go to the others. A project has at most {@link #WINDOW} rows
 * waiting; the writer waits for room beyond that, so memory stays bounded by the chunk and the window. A request's
 * slot is freed as soon as its answer is in, so that committing the outcome overlaps the next requests. Once a task
 * fails (a 401) or a stop is asked for (SIGTERM, the skip limit), nothing more starts: the rows still waiting are
 * dropped unsent, the requests under way finish and are recorded, and {@link RowQueue#awaitAll()} says how many were
 * dropped (or rethrows the failure).
 */
@Component
public class RequestDispatcher implements AutoCloseable {

    /** Rows of one project waiting to be sent, at most. */
    public static final int WINDOW = 1000;
    /** How soon a queue looks again at a stop request or a project's budget while nothing else wakes it. */
    private static final Duration RECHECK = Duration.ofMillis(200);

    @FunctionalInterface
    public interface Send<R> {
        /** Sends; the rate-limit permit of its first request has been taken already. */
        R send() throws Exception;
    }

    @FunctionalInterface
    public interface Recording<R> {
        void record(R result) throws Exception;
    }

    private final int concurrency;
    private final RequestThrottle throttle;
    private final ExecutorService workers;
    private final ScheduledExecutorService pacer;

    public RequestDispatcher(SendingProperties properties, RequestThrottle throttle) {
        this.concurrency = properties.concurrency();
        this.throttle = throttle;
        AtomicInteger number = new AtomicInteger();
        // twice as many threads as requests in flight: the other half commits outcomes meanwhile
        this.workers = Executors.newFixedThreadPool(2 * concurrency, runnable -> daemon(runnable, "atlas-request-" + number.incrementAndGet()));
        this.pacer = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "atlas-pacer"));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** A queue for one chunk's rows that starts nothing more once {@code stop} says so (a stop request, the skip limit). */
    public RowQueue newQueue(BooleanSupplier stop) {
        return new RowQueue(stop);
    }

    public final class RowQueue {

        /** {@code first}: the endpoint of the row's first request, whose permit starting it takes. */
        private record Task<R>(Endpoint first, Send<R> send, Recording<R> recording) {
        }

        private final BooleanSupplier stop;
        private final Map<String, Deque<Task<?>>> waiting = new HashMap<>();
        private final Deque<String> projectsInTurn = new ArrayDeque<>();
        private Exception failure;
        private int sending;
        /** Rows submitted and not yet recorded (nor dropped). */
        private int unrecorded;
        private int dropped;
        private ScheduledFuture<?> wake;
        private long wakeAt;

        private RowQueue(BooleanSupplier stop) {
            this.stop = stop;
        }

        /** Whether a task has failed: the caller should submit nothing more. */
        public synchronized boolean failed() {
            return failure != null;
        }

        /**
         * Queues the row's request under its project, waiting first while that project has {@link #WINDOW} rows
         * waiting; returns {@code false}, queuing nothing, when a task has failed or a stop was asked for.
         */
        public synchronized <R> boolean submit(Endpoint first, String project, Send<R> send, Recording<R> recording)
                throws InterruptedException {
            while (!stopped() && waiting.containsKey(project) && waiting.get(project).size() >= WINDOW) {
                wait(RECHECK.toMillis());
                startWhatMayGo();
            }
            if (stopped()) {
                return false;
            }
            waiting.computeIfAbsent(project, p -> {
                projectsInTurn.addLast(p);
                return new ArrayDeque<>();
            }).addLast(new Task<>(first, send, recording));
            unrecorded++;
            startWhatMayGo();
            return true;
        }

        private boolean stopped() {
            return failure != null || stop.getAsBoolean();
        }

        /** Starts rows while slots are free and some project's budget allows a request now; else wakes up later. */
        private synchronized void startWhatMayGo() {
            if (stopped()) {
                dropWaiting();
                return;
            }
            Duration soonest = RECHECK;
            for (int looked = 0; sending < concurrency && looked < projectsInTurn.size(); ) {
                String project = projectsInTurn.pollFirst();
                Deque<Task<?>> queue = waiting.get(project);
                Duration wait = throttle.tryAcquire(queue.peekFirst().first(), project);
                if (!wait.isZero()) {
                    projectsInTurn.addLast(project);
                    soonest = wait.compareTo(soonest) < 0 ? wait : soonest;
                    looked++;
                    continue;
                }
                Task<?> task = queue.pollFirst();
                if (queue.isEmpty()) {
                    waiting.remove(project);
                } else {
                    projectsInTurn.addLast(project);
                }
                sending++;
                looked = 0;
                workers.execute(() -> run(task));
                notifyAll(); // the project's window has room again
            }
            if (!projectsInTurn.isEmpty() && sending < concurrency) {
                wakeUpIn(soonest);
            }
        }

        /** One timer per queue: a later wake-up than the one pending is not scheduled. */
        private void wakeUpIn(Duration delay) {
            long at = System.nanoTime() + delay.toNanos();
            if (wake == null || wake.isDone() || at < wakeAt) {
                if (wake != null) {
                    wake.cancel(false);
                }
                wake = pacer.schedule(this::wakeUp, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
                wakeAt = at;
            }
        }

        private synchronized void wakeUp() {
            wake = null; // this wake-up is spent: the next may be scheduled
            startWhatMayGo();
        }

        private <R> void run(Task<R> task) {
            R result;
            try {
                result = task.send().send();
            } catch (Exception | Error e) {
                synchronized (this) {
                    keepFirst(e);
                    sending--;
                    finished();
                    startWhatMayGo();
                }
                return;
            }
            synchronized (this) {
                sending--;
                startWhatMayGo();
            }
            try {
                task.recording().record(result);
            } catch (Exception | Error e) {
                synchronized (this) {
                    keepFirst(e);
                }
            } finally {
                synchronized (this) {
                    finished();
                }
            }
        }

        /** The first failure is the one {@link #awaitAll()} rethrows; called holding the queue's lock. */
        private void keepFirst(Throwable e) {
            if (failure == null) {
                failure = e instanceof Exception exception ? exception : new IllegalStateException(e.toString(), e);
            }
        }

        private void dropWaiting() {
            for (Deque<Task<?>> queue : waiting.values()) {
                dropped += queue.size();
                unrecorded -= queue.size();
            }
            waiting.clear();
            projectsInTurn.clear();
            notifyAll();
        }

        private void finished() {
            unrecorded--;
            notifyAll();
        }

        /**
         * Waits for every row under way; rethrows the first failure, if any, else returns how many waiting rows were
         * dropped unsent by a stop (they have no outcome: the chunk must not be committed as done).
         */
        public synchronized int awaitAll() throws Exception {
            while (unrecorded > 0) {
                wait(RECHECK.toMillis());
                startWhatMayGo();
            }
            if (failure != null) {
                throw failure;
            }
            return dropped;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        pacer.shutdownNow();
    }
}
