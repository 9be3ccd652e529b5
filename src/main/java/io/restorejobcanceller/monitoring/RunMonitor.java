package io.restorejobcanceller.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.restorejobcanceller.cli.Invocation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusProperties;
import org.springframework.boot.micrometer.metrics.export.prometheus.PrometheusPushGatewayManager.ShutdownOperation;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Pushes a run's metrics to the Pushgateway every push rate while it runs, and once more when its command has ended,
 * with its exit code; a Pushgateway that is down, slow or refusing is one warning line on standard error and changes
 * nothing else. Commands that only read (report, query) push nothing: they would replace a run's figures.
 */
@Component
class RunMonitor {

    static final Set<String> RUNS = Set.of("cancel", "restart", "schedule", "find");

    private final Environment environment;
    private final ObjectProvider<PrometheusProperties> properties;
    private final ObjectProvider<PrometheusMeterRegistry> prometheus;
    private final ObjectProvider<RunMetrics> metrics;
    private final ObjectProvider<ExitCodeGenerator> exitCodes;
    private final Invocation invocation;
    private final Clock clock;
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile Pushgateway pushgateway;
    private ScheduledExecutorService periodic;
    private Instant started;
    private boolean finished;

    RunMonitor(Environment environment, ObjectProvider<PrometheusProperties> properties,
               ObjectProvider<PrometheusMeterRegistry> prometheus, ObjectProvider<RunMetrics> metrics,
               ObjectProvider<ExitCodeGenerator> exitCodes, Invocation invocation, Clock clock) {
        this.environment = environment;
        this.properties = properties;
        this.prometheus = prometheus;
        this.metrics = metrics;
        this.exitCodes = exitCodes;
        this.invocation = invocation;
        this.clock = clock;
    }

    @EventListener
    synchronized void started(ApplicationStartedEvent event) {
        started = clock.instant();
        if (!MetricsExport.any(environment) || !RUNS.contains(invocation.springArguments().get(0))) {
            return;
        }
        metrics.getObject(); // its meters exist from the start, at zero
        if (MetricsExport.pushgateway(environment)) {
            PrometheusProperties.Pushgateway settings = properties.getObject().getPushgateway();
            pushgateway = new Pushgateway(settings, GroupingKey.job(settings, environment), GroupingKey.of(settings, invocation));
            periodic = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "pushgateway");
                thread.setDaemon(true); // never keeps the process alive
                return thread;
            });
            long rate = settings.getPushRate().toMillis();
            periodic.scheduleWithFixedDelay(() -> push(ShutdownOperation.POST), rate, rate, TimeUnit.MILLISECONDS);
        }
    }

    /** The command has ended (the runners have run): its exit code is known. */
    @EventListener
    synchronized void ended(ApplicationReadyEvent event) {
        if (started == null || !RUNS.contains(invocation.springArguments().get(0)) || !MetricsExport.any(environment)) {
            return;
        }
        Instant now = clock.instant();
        metrics.getObject().finished(exitCode(), Duration.between(started, now), now);
        finished = true;
        finalPush();
    }

    /** Closed before the command ended (stopped): its counts are pushed, no exit code and no success. */
    @EventListener
    synchronized void closed(ContextClosedEvent event) {
        if (!finished) {
            finalPush();
        }
    }

    private void finalPush() {
        if (pushgateway == null) {
            return;
        }
        periodic.shutdownNow(); // a periodic push under way must not land after the last one
        try {
            periodic.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ShutdownOperation operation = properties.getObject().getPushgateway().getShutdownOperation();
        if (operation != ShutdownOperation.NONE) {
            push(operation);
        }
        pushgateway = null;
    }

    private void push(ShutdownOperation operation) {
        Pushgateway target = pushgateway;
        if (target == null) {
            return;
        }
        target.push(prometheus.getObject(), operation).ifPresent(problem -> {
            if (warned.compareAndSet(false, true)) {
                System.err.println("warning: metrics not pushed to the Pushgateway at " + target.group() + " (" + problem
                        + "); the run itself is not affected");
            }
        });
    }

    /** As SpringApplication.exit will return it: the first exit code that is not 0. */
    private int exitCode() {
        return exitCodes.orderedStream().mapToInt(ExitCodeGenerator::getExitCode).filter(code -> code != 0).findFirst().orElse(0);
    }
}
