package io.restorejobcanceller.run;

import java.time.Duration;

import io.restorejobcanceller.atlas.client.InFlightRequests;
import io.restorejobcanceller.job.RunningExecutions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
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
    /** How long the requests under way at a stop may take to be answered before they are cut. */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(3);
    /** How long the stopped command has to print its summary once the job has ended. */
    private static final Duration SUMMARY_TIMEOUT = Duration.ofSeconds(10);

    private final JobOperator jobOperator;
    private final RunningExecutions running;
    private final ShutdownRequest request;
    private final InFlightRequests inFlight;

    public GracefulShutdown(JobOperator jobOperator, RunningExecutions running, ObjectProvider<ShutdownRequest> installed,
                            InFlightRequests inFlight) {
        this.jobOperator = jobOperator;
        this.running = running;
        this.request = installed.getIfAvailable(ShutdownRequest::new);
        this.inFlight = inFlight;
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
                // the JVM ends with the last hook: the command's summary ("Stopped: ...") must be out first
                try {
                    request.awaitCommandEnd(SUMMARY_TIMEOUT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                context.close();
            }
        }, "graceful-shutdown"));
        context.addApplicationListener(new ApplicationListener<ApplicationReadyEvent>() {
            @Override
            public void onApplicationEvent(ApplicationReadyEvent commandsRan) {
                request.commandEnded();
            }
        });
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
            // requests under way get a few seconds to be answered and recorded; then a silent server's are cut (their
            // rows get no outcome, and a restart sends them again) rather than waited for up to the read timeout
            running.awaitNone(ANSWER_GRACE);
            inFlight.stop();
            running.awaitNone(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
