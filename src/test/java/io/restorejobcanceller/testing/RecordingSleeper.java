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
        this(null);
    }

    private RecordingSleeper(Instant start) {
        this.start = start;
    }

    /** A sleeper whose clock moves only by the waits: time-based assertions are exact on a loaded machine. */
    public static RecordingSleeper standingStill() {
        return new RecordingSleeper(Instant.parse("2026-12-03T12:00:00Z"));
    }

    @Override
    public synchronized void sleep(Duration duration) {
        waits.add(duration);
        whileAsleep.run();
        slept = slept.plus(duration);
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
