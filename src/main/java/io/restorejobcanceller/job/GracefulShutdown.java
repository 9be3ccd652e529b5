package io.restorejobcanceller.job;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * SIGTERM handling: the running execution is asked to stop before its next row (it ends STOPPED, restartable,
 * never left STARTED), the process waits for it, and only then closes the application context. Spring Boot's own
 * shutdown hook is off (application.yml), since it would close the database under a running job.
 */
@Component
public class GracefulShutdown implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final JobOperator jobOperator;
    private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();
    private final CountDownLatch shutdownRequested = new CountDownLatch(1);

    public GracefulShutdown(JobOperator jobOperator) {
        this.jobOperator = jobOperator;
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

    @Override
    public void beforeJob(JobExecution jobExecution) {
        running.add(jobExecution);
    }

    @Override
    public synchronized void afterJob(JobExecution jobExecution) {
        running.remove(jobExecution);
        notifyAll();
    }

    public boolean isShutdownRequested() {
        return shutdownRequested.getCount() == 0;
    }

    /** Blocks until a shutdown is requested (the scheduler's main thread waits here). */
    public void awaitShutdownRequest() throws InterruptedException {
        shutdownRequested.await();
    }

    public synchronized void stopAndWait(Duration timeout) {
        shutdownRequested.countDown();
        for (JobExecution execution : running) {
            log.warn("Shutdown requested: stopping job execution {} before its next row", execution.getId());
            execution.getStepExecutions().forEach(StepExecution::setTerminateOnly);
            try {
                jobOperator.stop(execution);
            } catch (Exception e) {
                log.debug("Stop of job execution {} not recorded: {}", execution.getId(), e.toString());
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
