package io.restorejobcanceller.job;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Once an outcome could not be recorded, the run must end promptly. But the database that refused the outcome (a full
 * disk) is also where Spring Batch records how the run ended, and H2 on a full disk can spin for minutes instead of
 * failing. Armed by the first refused outcome, this ends the process with exit 1 if the run has not ended within
 * {@link #GRACE}: nothing more is lost by it (dispatching has stopped, everything committed is on disk), and the next
 * run recovers the execution as it recovers one from a crash.
 */
@Component
public class RecordingWatchdog {

    static final Duration GRACE = Duration.ofSeconds(20);
    private static final int EXIT_JOB_FAILED = 1;

    private Thread armed;

    synchronized void arm(String problem) {
        if (armed != null) {
            return;
        }
        armed = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis());
            } catch (InterruptedException disarmed) {
                return;
            }
            System.err.println("error: " + problem + "; the database did not answer within " + GRACE.toSeconds()
                    + " s either: exiting. Run the same command again once the database can be written to.");
            Runtime.getRuntime().halt(EXIT_JOB_FAILED);
        }, "recording-watchdog");
        armed.setDaemon(true);
        armed.start();
    }

    /** The run has ended: nothing to watch any more. */
    public synchronized void disarm() {
        if (armed != null) {
            armed.interrupt();
            armed = null;
        }
    }
}
