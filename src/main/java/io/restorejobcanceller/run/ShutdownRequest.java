package io.restorejobcanceller.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Whether SIGTERM has come. Made before the application context, so that the JVM's shutdown hook can set it without
 * touching the context (whose locks the start-up holds), and the launcher sees it before any job starts.
 */
final class ShutdownRequest {

    static final String BEAN_NAME = "shutdownRequest";

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch commandEnded = new CountDownLatch(1);

    void request() {
        requested.countDown();
    }

    boolean isRequested() {
        return requested.getCount() == 0;
    }

    void await() throws InterruptedException {
        requested.await();
    }

    /** The command has returned: its summary is printed. */
    void commandEnded() {
        commandEnded.countDown();
    }

    void awaitCommandEnd(Duration timeout) throws InterruptedException {
        commandEnded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
