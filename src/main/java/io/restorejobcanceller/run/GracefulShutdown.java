package io.restorejobcanceller.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.restorejobcanceller.job.RunningExecutions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * SIGTERM handling: the running execution is asked to stop before its next row (it ends STOPPED, restartable,
 * never left STARTED), the process waits for it, and only then closes the application context. Spring Boot's own
 * shutdown hook is off (restore-job-canceller-defaults.yml), since it would close the database under a running job.
 */
@Component
public class GracefulShutdown {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final JobOperator jobOperator;
    private final RunningExecutions running;
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);

    public GracefulShutdown(JobOperator jobOperator, RunningExecutions running) {
        this.jobOperator = jobOperator;
        this.running = running;
    }

    /** Installs the JVM shutdown hook that stops the running job gracefully, then closes this context. */
    public static void install(ConfigurableApplicationContext context, Duration timeout) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (context.isActive()) {
                context.getBean(GracefulShutdown.class).stopAndWait(timeout);
                context.close();
            }
        }, "graceful-shutdown"));
    }

    public boolean isShutdownRequested() {
        return shutdownRequested.getCount() == 0;
    }

    /** Blocks until a shutdown is requested (the scheduler's main thread waits here). */
    public void awaitShutdownRequest() throws InterruptedException {
        shutdownRequested.await();
    }

    public void stopAndWait(Duration timeout) {
        shutdownRequested.countDown();
        for (JobExecution execution : running.list()) {
            log.warn("Shutdown requested: stopping job execution {} before its next row", execution.getId());
            execution.getStepExecutions().forEach(StepExecution::setTerminateOnly);
            try {
                jobOperator.stop(execution);
            } catch (Exception e) {
                log.debug("Stop of job execution {} not recorded: {}", execution.getId(), e.toString());
            }
        }
        try {
            running.awaitNone(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
