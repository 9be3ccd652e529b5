package io.restorejobcanceller.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRepository;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** The few lines printed at the end of a run: status, counts per outcome, and where to look next. */
class RunSummary {

    private final OutcomeRepository outcomes;
    private final PrintStream out;

    RunSummary(OutcomeRepository outcomes, PrintStream out) {
        this.outcomes = outcomes;
        this.out = out;
    }

    Map<Outcome, Long> print(JobExecution execution) {
        long instanceId = execution.getJobInstance().getInstanceId();
        Map<Outcome, Long> counts = outcomes.countsByOutcome(instanceId);
        out.printf("Job execution %d (job instance %d): %s%n", execution.getId(), instanceId, execution.getStatus());
        out.println("Outcomes: " + (counts.isEmpty() ? "none recorded"
                : counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String cause = execution.getAllFailureExceptions().stream().map(RunSummary::rootMessage)
                    .findFirst().orElse(execution.getExitStatus().getExitDescription());
            out.println("Failed: " + firstLine(cause));
            out.println("Run the same command again to restart: rows already recorded are not sent again.");
        }
        if (counts.keySet().stream().anyMatch(Outcome::needsAttention)) {
            out.printf("Needing attention: SELECT LINE_NUMBER, GROUP_ID, CLUSTER_NAME, RESTORE_JOB_ID, OUTCOME, HTTP_STATUS, "
                    + "ERROR_CODE, DETAIL FROM CANCELLATION_OUTCOME WHERE JOB_INSTANCE_ID = %d "
                    + "AND OUTCOME IN ('REJECTED', 'FAILED', 'INVALID') ORDER BY LINE_NUMBER;%n", instanceId);
        }
        return counts;
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown cause";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
