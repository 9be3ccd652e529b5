package io.restorejobcanceller.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;

import io.restorejobcanceller.cli.ExitCode;
import io.restorejobcanceller.cli.UsageException;
import io.restorejobcanceller.run.CancellationRuns;
import io.restorejobcanceller.run.GracefulShutdown;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * {@code schedule DIR}: for hosts without cron, keeps running and processes the inbox on
 * {@code canceller.schedule.cron}. One scheduler thread, so runs never overlap (a fire during a run is skipped);
 * a failed run is logged and the next fire still happens; SIGTERM stops the running execution (STOPPED,
 * restartable) and ends the process.
 */
@Component
class InboxSchedule {

    private static final Logger log = LoggerFactory.getLogger(InboxSchedule.class);

    private final CancellationRuns cancel;
    private final GracefulShutdown shutdown;
    private final String cron;

    InboxSchedule(CancellationRuns cancel, GracefulShutdown shutdown, ScheduleProperties schedule) {
        this.cancel = cancel;
        this.shutdown = shutdown;
        this.cron = schedule.cron();
    }

    int run(Path inbox) throws InterruptedException {
        if (!Files.isDirectory(inbox)) {
            throw new UsageException("schedule needs the inbox directory; " + inbox + " is not one");
        }
        if (!CronExpression.isValidExpression(cron)) {
            throw new UsageException("canceller.schedule.cron is not a Spring cron expression (6 fields, e.g. '0 0 2 * * *'): " + cron);
        }
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("canceller-schedule-");
        scheduler.initialize();
        try {
            scheduler.schedule(() -> runOnce(inbox), new CronTrigger(cron));
            log.info("Scheduled: inbox {} on cron '{}', next run at {}", inbox.toAbsolutePath(), cron,
                    CronExpression.parse(cron).next(ZonedDateTime.now()));
            shutdown.awaitShutdownRequest();
        } finally {
            scheduler.shutdown();
        }
        return ExitCode.OK;
    }

    private void runOnce(Path inbox) {
        if (shutdown.isShutdownRequested()) {
            return;
        }
        Instant start = Instant.now();
        try {
            int exitCode = cancel.runInput(inbox, CancellationRuns.Choices.bySchedule());
            log.info("Scheduled run started at {} ended with exit code {}", start, exitCode);
        } catch (Exception e) {
            log.error("Scheduled run started at {} failed: {}; the next one runs as scheduled", start, e.toString());
        }
    }
}
