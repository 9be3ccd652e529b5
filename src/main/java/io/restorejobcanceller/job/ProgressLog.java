package io.restorejobcanceller.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRepository;
import io.restorejobcanceller.sending.HumanDuration;
import io.restorejobcanceller.sending.AtlasPauses;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Counts the outcomes of one execution into the {@code canceller.outcomes} counters (tagged by outcome) and shows
 * progress: rows done of the file's total, rate, counts per outcome, pauses, and the time left. On a terminal it is
 * one bar redrawn in place a few times a second; elsewhere (cron, CI, Kubernetes) a log line once per interval.
 */
@Component
@Scope("step") // no proxy: the DELETE workers call it outside the step's thread
public class ProgressLog {

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);
    private static final Duration REDRAW = Duration.ofMillis(200);

    private final long totalRows;
    private final Clock clock;
    private final Duration interval;
    private final MeterRegistry registry;
    private final AtlasPauses pauses;
    private final StatusLine statusLine;
    private final boolean bar;
    private final Instant started;
    private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    private final long doneAtStart;
    private long done;
    private Instant lastLogged;

    public ProgressLog(@Value("#{jobParameters['" + CancellationJobConfiguration.INPUT_ROWS + "']}") Long totalRows,
                       @Value("#{stepExecution}") StepExecution stepExecution, OutcomeRepository outcomes, Clock clock,
                       StepProperties properties, MeterRegistry registry, AtlasPauses pauses, StatusLine statusLine) {
        this.totalRows = totalRows == null ? 0 : totalRows;
        this.clock = clock;
        this.statusLine = statusLine;
        this.bar = statusLine.watched() && log.isInfoEnabled();
        this.interval = bar ? REDRAW : properties.progressInterval();
        this.registry = registry;
        this.pauses = pauses;
        this.started = clock.instant();
        // made with the step's writer, before this execution records anything: a restart's predecessors' rows are done
        long instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        counts.putAll(outcomes.countsByOutcome(instanceId)); // the bar counts what the summary will: the whole instance
        this.doneAtStart = counts.values().stream().mapToLong(Long::longValue).sum();
        this.done = doneAtStart;
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
        Duration left = rate > 0 ? Duration.ofSeconds((long) ((totalRows - done) / rate)) : Duration.ZERO;
        String eta = rate <= 0 || totalRows <= done ? "" : left.isZero() ? ", under 1 s left" : ", about " + HumanDuration.of(left) + " left";
        AtlasPauses.Pauses pausedSoFar = pauses.sofar();
        String status = String.format("%d/%d rows (%d%%), %.1f rows/s, %s%s%s", done, totalRows, percent(), rate,
                counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")),
                pausedSoFar.count() == 0 ? "" : ", " + pausedSoFar, eta);
        if (bar) {
            statusLine.show(StatusLine.bar(percent()) + status);
        } else {
            log.info("Progress: {}", status);
        }
    }

    private long percent() {
        return totalRows == 0 ? 100 : Math.min(100, done * 100 / totalRows);
    }
}
