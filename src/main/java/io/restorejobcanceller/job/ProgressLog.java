package io.restorejobcanceller.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.restorejobcanceller.outcome.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the outcomes of one execution into the {@code canceller.outcomes} counters (tagged by outcome) and logs
 * progress at most once per interval: rows done of the file's total, rate, counts per outcome, and the time left.
 */
public class ProgressLog {

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

    private final long totalRows;
    private final Clock clock;
    private final Duration interval;
    private final MeterRegistry registry;
    private final Instant started;
    private final long doneAtStart;
    private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    private long done;
    private Instant lastLogged;

    public ProgressLog(long totalRows, long doneAtStart, Clock clock, Duration interval, MeterRegistry registry) {
        this.totalRows = totalRows;
        this.doneAtStart = doneAtStart;
        this.done = doneAtStart;
        this.clock = clock;
        this.interval = interval;
        this.registry = registry;
        this.started = clock.instant();
        this.lastLogged = started;
    }

    /** Counts one recorded outcome, and logs a progress line if the interval has passed since the last one. */
    public synchronized void recorded(Outcome outcome) {
        counts.merge(outcome, 1L, Long::sum);
        done++;
        registry.counter("canceller.outcomes", "outcome", outcome.name()).increment();
        maybeLog();
    }

    private void maybeLog() {
        Instant now = clock.instant();
        if (Duration.between(lastLogged, now).compareTo(interval) < 0) {
            return;
        }
        lastLogged = now;
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        double rate = (done - doneAtStart) / seconds;
        String eta = rate > 0 && totalRows > done ? ", about " + Duration.ofSeconds((long) ((totalRows - done) / rate)) + " left" : "";
        log.info("Progress: {}/{} rows ({}%), {} rows/s, {}{}", done, totalRows, totalRows == 0 ? 100 : done * 100 / totalRows,
                String.format("%.1f", rate), counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")), eta);
    }
}
