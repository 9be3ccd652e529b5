package io.restorejobcanceller.atlas.client;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exchanges with Atlas under way, which a stop (SIGTERM) cuts short: a server that accepted a DELETE and never
 * answers would otherwise hold the stop for the read timeout. A cut exchange ends in {@link Stopped}, and none starts
 * after the cut: its row gets no outcome (Atlas's answer is unknown), so a restart sends it again.
 */
public final class InFlightRequests {

    /** An exchange the stop cut, or did not let start. */
    public static final class Stopped extends IOException {
        Stopped(Throwable cause) {
            super("stopped by a shutdown before Atlas answered (the outcome is unknown)", cause);
        }
    }

    private final Set<Runnable> cuts = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    /** Cuts every exchange under way (closing its connection) and refuses new ones. */
    public void stop() {
        stopped = true;
        cuts.forEach(Runnable::run);
    }

    /** Whether the failure is an exchange the stop cut. */
    public static boolean isStop(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Stopped) {
                return true;
            }
        }
        return false;
    }

    boolean isStopped() {
        return stopped;
    }

    void add(Runnable cut) throws Stopped {
        cuts.add(cut);
        if (stopped) {
            cuts.remove(cut);
            throw new Stopped(null);
        }
    }

    void remove(Runnable cut) {
        cuts.remove(cut);
    }
}
