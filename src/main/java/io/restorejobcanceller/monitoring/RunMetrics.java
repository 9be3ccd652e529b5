package io.restorejobcanceller.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.restorejobcanceller.cli.ExitCode;
import io.restorejobcanceller.sending.AtlasPauses;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * The run's meters, besides {@code canceller.outcomes} (counted as rows are recorded, job.ProgressLog): rows read,
 * requests sent, 429s, Atlas's pauses, and at the end the run's duration, exit code and last success. No meter has a
 * row's values as a tag. Another command pushes its own counts through {@link #count}.
 */
@Component
public class RunMetrics {

    /** Prometheus's convention for batch jobs: the time of the last run that completed (exit code 0 or 3). */
    static final String LAST_SUCCESS = "canceller.last.success.timestamp";

    private final MeterRegistry registry;
    private final Counter requests;
    private final Counter rateLimited;
    private final Counter pauses;
    private final Counter paused;
    private final AtomicLong rowsReadBefore = new AtomicLong();
    private volatile StepExecution step;

    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.requests = Counter.builder("canceller.requests.sent").description("Requests sent to Atlas").register(registry);
        this.rateLimited = Counter.builder("canceller.atlas.rate.limited").description("Answers 429 Too Many Requests").register(registry);
        this.pauses = Counter.builder("canceller.atlas.pauses").description("Pauses Atlas asked for").register(registry);
        this.paused = Counter.builder("canceller.atlas.paused").baseUnit("seconds").description("Time paused as Atlas asked")
                .register(registry);
        FunctionCounter.builder("canceller.rows.read", this, RunMetrics::rowsRead).description("Input rows read")
                .register(registry);
    }

    /**
     * Adds to the counter {@code canceller.NAME} (in Prometheus {@code canceller_NAME_total}) with these tags (name,
     * value, ...), pushed with the run's other metrics, e.g. {@code count("find.restore.jobs.left.out", 12, "reason", "finished")}.
     */
    public void count(String name, long amount, String... tags) {
        registry.counter("canceller." + name, tags).increment(amount);
    }

    void requestSent() {
        requests.increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void stepStarted(StepExecution execution) {
        step = execution;
    }

    /** The step's rows and the pauses Atlas asked for during it (the run's summary takes them afterwards). */
    void stepEnded(StepExecution execution, AtlasPauses.Pauses during) {
        rowsReadBefore.addAndGet(execution.getReadCount());
        step = null;
        pauses.increment(during.count());
        paused.increment(during.total().toMillis() / 1000.0);
    }

    private double rowsRead() {
        StepExecution running = step;
        return rowsReadBefore.get() + (running == null ? 0 : running.getReadCount());
    }

    /** The command ended with this exit code; a completed job (0 or 3) is the last success. */
    void finished(int exitCode, Duration took, Instant at) {
        Gauge.builder("canceller.exit.code", () -> exitCode).description("The exit code of the run").register(registry);
        Gauge.builder("canceller.run.duration", () -> took.toMillis() / 1000.0).baseUnit("seconds")
                .description("How long the run took").register(registry);
        if (exitCode == ExitCode.OK || exitCode == ExitCode.NEEDS_ATTENTION) {
            Gauge.builder(LAST_SUCCESS, () -> at.toEpochMilli() / 1000.0).baseUnit("seconds")
                    .description("When a run last completed (exit code 0 or 3)").register(registry);
        }
    }
}
