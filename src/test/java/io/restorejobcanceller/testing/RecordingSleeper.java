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
            return Instant.now().plus(slept);
        }
    };

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

    /** The wall clock plus every wait asked for so far: time passes for the job as if it had slept. */
    public Clock clock() {
        return clock;
    }
}
