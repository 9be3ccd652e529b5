package io.restorejobcanceller.job;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** The executions of the cancellation job running in this process, so that a shutdown can stop and await them. */
@Component
public class RunningExecutions implements JobExecutionListener {

    private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeJob(JobExecution jobExecution) {
        running.add(jobExecution);
    }

    @Override
    public synchronized void afterJob(JobExecution jobExecution) {
        running.remove(jobExecution);
        notifyAll();
    }

    public List<JobExecution> list() {
        return List.copyOf(running);
    }

    /** Waits until none runs or the timeout has passed. */
    public synchronized void awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
    }
}
