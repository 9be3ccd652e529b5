package io.restorejobcanceller.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.restorejobcanceller.atlas.Sleeper;

/** Records the waits the job asks for instead of spending them, and moves its {@link #clock()} on by each one. */
public final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private volatile Duration slept = Duration.ZERO;
    private volatile Runnable whileAsleep = () -> { };
    /** {@code null}: the clock is the wall clock plus the waits; else it starts here and moves by the waits only. */
    private final Instant start;
    /** Whether the waits are spent (the clock is then the wall clock): for stubs whose buckets refill in real time. */
    private final boolean spends;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return (start == null ? Instant.now() : start).plus(slept);
        }
    };

    public RecordingSleeper() {
        this(null, false);
    }

    private RecordingSleeper(Instant start, boolean spends) {
        this.start = start;
        this.spends = spends;
    }

    /** A sleeper that records the waits and spends them too, its clock the wall clock. */
    public static RecordingSleeper spending() {
        return new RecordingSleeper(null, true);
    }

    /** A sleeper whose clock moves only by the waits: time-based assertions are exact on a loaded machine. */
    public static RecordingSleeper standingStill() {
        return new RecordingSleeper(Instant.parse("2026-12-03T12:00:00Z"), false);
    }

    @Override
    public void sleep(Duration duration) {
        synchronized (this) {
            waits.add(duration);
            whileAsleep.run();
            if (!spends) {
                slept = slept.plus(duration);
                return;
            }
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting " + duration, e);
        }
    }

    /** What the world does during each wait (a file written on, removed...). */
    public void whileAsleep(Runnable action) {
        whileAsleep = action;
    }

    public List<Duration> waits() {
        return waits;
    }

    /** The wall clock (or the fixed start) plus every wait asked for so far: time passes for the job as if it had slept. */
    public Clock clock() {
        return clock;
    }
}
