package io.restorejobcanceller.run;

import java.time.Duration;

import io.restorejobcanceller.job.RunningExecutions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * SIGTERM handling: the running execution is asked to stop before its next row (it ends STOPPED, restartable,
 * never left STARTED), the process waits for it, and only then closes the application context. Spring Boot's own
 * shutdown hook is off (restore-job-canceller-defaults.yml), since it would close the database under a running job.
 * A SIGTERM during start-up (nothing sent yet, and the launcher starts nothing after it) ends the process at once.
 */
@Component(GracefulShutdown.BEAN_NAME)
public class GracefulShutdown {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);
    static final String BEAN_NAME = "gracefulShutdown";

    private final JobOperator jobOperator;
    private final RunningExecutions running;
    private final ShutdownRequest request;

    public GracefulShutdown(JobOperator jobOperator, RunningExecutions running, ObjectProvider<ShutdownRequest> installed) {
        this.jobOperator = jobOperator;
        this.running = running;
        this.request = installed.getIfAvailable(ShutdownRequest::new);
    }

    /**
     * Installs the JVM shutdown hook that stops the running job gracefully, then closes this context. Before the
     * commands' beans are made (start-up, when the main thread may hold the bean factory's lock for as long as a
     * database takes to answer) it only marks the request and lets the process end: it never waits on the context.
     */
    public static void install(ConfigurableApplicationContext context, Duration timeout) {
        ShutdownRequest request = new ShutdownRequest();
        context.getBeanFactory().registerSingleton(ShutdownRequest.BEAN_NAME, request);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            request.request();
            // an existing singleton only: getSingleton never waits for the bean factory's lock, getBean would
            if (context.getBeanFactory().getSingleton(BEAN_NAME) instanceof GracefulShutdown graceful && context.isActive()) {
                graceful.stopAndWait(timeout);
                context.close();
            }
        }, "graceful-shutdown"));
    }

    public boolean isShutdownRequested() {
        return request.isRequested();
    }

    /** Blocks until a shutdown is requested (the scheduler's main thread waits here). */
    public void awaitShutdownRequest() throws InterruptedException {
        request.await();
    }

    public void stopAndWait(Duration timeout) {
        request.request();
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
