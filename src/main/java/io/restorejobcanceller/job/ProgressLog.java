package io.restorejobcanceller.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRepository;
import io.restorejobcanceller.sending.HumanDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * Counts the outcomes of one execution into the {@code canceller.outcomes} counters (tagged by outcome) and logs
 * progress at most once per interval: rows done of the file's total, rate, counts per outcome, and the time left.
 */
@Component
@Scope("step") // no proxy: the DELETE workers call it outside the step's thread
public class ProgressLog {

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

    private final long totalRows;
    private final Clock clock;
    private final Duration interval;
    private final MeterRegistry registry;
    private final Instant started;
    private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    private final long doneAtStart;
    private long done;
    private Instant lastLogged;

    public ProgressLog(@Value("#{jobParameters['" + CancellationJobConfiguration.INPUT_ROWS + "']}") Long totalRows,
                       @Value("#{stepExecution}") StepExecution stepExecution, OutcomeRepository outcomes, Clock clock,
                       StepProperties properties, MeterRegistry registry) {
        this.totalRows = totalRows == null ? 0 : totalRows;
        this.clock = clock;
        this.interval = properties.progressInterval();
        this.registry = registry;
        this.started = clock.instant();
        // made with the step's writer, before this execution records anything: a restart's predecessors' rows are done
        long instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        this.doneAtStart = outcomes.countsByOutcome(instanceId).values().stream().mapToLong(Long::longValue).sum();
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
        String eta = rate > 0 && totalRows > done ? ", about " + HumanDuration.of(Duration.ofSeconds((long) ((totalRows - done) / rate))) + " left" : "";
        log.info("Progress: {}/{} rows ({}%), {} rows/s, {}{}", done, totalRows, totalRows == 0 ? 100 : done * 100 / totalRows,
                String.format("%.1f", rate), counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")), eta);
    }
}
