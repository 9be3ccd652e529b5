package io.restorejobcanceller.run;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import io.restorejobcanceller.atlas.AtlasProperties;
import io.restorejobcanceller.cli.ExitCode;
import io.restorejobcanceller.cli.Terminal;
import io.restorejobcanceller.database.ResultsDatabase;
import io.restorejobcanceller.job.CancellationJobConfiguration;
import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRepository;
import io.restorejobcanceller.run.CancellationLauncher.Launch;
import io.restorejobcanceller.sending.AtlasPauses;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/** The few lines printed at the end of a launch: status, counts per outcome, where to look next, and its exit code. */
@Component
class RunSummary {

    private final OutcomeRepository outcomes;
    private final ResultsDatabase database;
    private final AtlasPauses pauses;
    private final GracefulShutdown shutdown;
    private final AtlasProperties atlas;
    private final PrintStream out = System.out;

    RunSummary(OutcomeRepository outcomes, ResultsDatabase database, AtlasPauses pauses, GracefulShutdown shutdown,
               AtlasProperties atlas) {
        this.shutdown = shutdown;
        this.atlas = atlas;
        this.outcomes = outcomes;
        this.database = database;
        this.pauses = pauses;
    }

    int report(Launch launch, String what) {
        Terminal.endLine();
        AtlasPauses.Pauses paused = pauses.take();
        if (launch instanceof Launch.AlreadyDone done) {
            out.printf("%s was already done by job execution %d at %s; nothing sent.%n", what,
                    done.execution().getId(), done.execution().getEndTime().atZone(ZoneId.systemDefault()).toInstant()
                            .truncatedTo(ChronoUnit.SECONDS));
            return ExitCode.OK;
        }
        if (launch instanceof Launch.Abandoned abandoned) {
            System.err.printf("error: %s was given up (job execution %d is ABANDONED); change the file to run it again%n",
                    what, abandoned.execution().getId());
            return ExitCode.USAGE;
        }
        if (launch instanceof Launch.NotStarted) {
            System.err.printf("warning: shutting down; %s was not started%n", what);
            return ExitCode.JOB_FAILED;
        }
        if (launch instanceof Launch.AlreadyRunning) {
            System.err.printf("error: another process is running %s right now; not started twice%n", what);
            return ExitCode.ALREADY_RUNNING;
        }
        return print(((Launch.Ran) launch).execution(), paused, what);
    }

    private int print(JobExecution execution, AtlasPauses.Pauses pauses, String what) {
        long instanceId = execution.getJobInstance().getInstanceId();
        Map<Outcome, Long> counts = outcomes.countsByOutcome(instanceId);
        Long retryOf = execution.getJobParameters().getLong(CancellationJobConfiguration.RETRY_OF);
        out.printf("Job execution %d (job instance %d%s): %s%n", execution.getId(), instanceId,
                retryOf == null ? "" : ", retrying the FAILED rows of job instance " + retryOf, execution.getStatus());
        out.println("Results database: " + database.displayUrl());
        out.println("Outcomes: " + (counts.isEmpty() ? "none recorded"
                : counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))));
        if (pauses.count() > 0) {
            out.println("Atlas's rate limit: " + pauses);
        }
        if (execution.getStatus() == BatchStatus.ABANDONED) {
            return ExitCode.OK;
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String cause = execution.getAllFailureExceptions().stream().map(RunSummary::rootMessage)
                    .findFirst().orElse(execution.getExitStatus().getExitDescription());
            if (shutdown.isShutdownRequested()) {
                cause = "on request (SIGTERM or Ctrl-C)" + (cause == null || cause.isBlank() || cause.startsWith("Job interrupted")
                        ? "" : "; " + cause);
            }
            out.println((execution.getStatus() == BatchStatus.STOPPED ? "Stopped: " : "Failed: ") + firstLine(cause));
            out.println("Run the same command again to restart: rows already recorded are not sent again.");
        }
        boolean attention = counts.keySet().stream().anyMatch(Outcome::needsAttention);
        if (attention) {
            String needingAttention = Arrays.stream(Outcome.values()).filter(Outcome::needsAttention)
                    .map(o -> "'" + o + "'").collect(Collectors.joining(", "));
            out.printf("Needing attention: query \"SELECT LINE_NUMBER, GROUP_ID, CLUSTER_NAME, RESTORE_JOB_ID, OUTCOME, "
                    + "HTTP_STATUS, ERROR_CODE, DETAIL FROM CANCELLATION_OUTCOME WHERE JOB_INSTANCE_ID = %d "
                    + "AND OUTCOME IN (%s) ORDER BY LINE_NUMBER\"%n", instanceId, needingAttention);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return ExitCode.JOB_FAILED;
        }
        long failed = counts.getOrDefault(Outcome.FAILED, 0L);
        if (failed > 0 && !Boolean.TRUE.equals(execution.getJobParameters().getParameter(CancellationJobConfiguration.DRY_RUN).value())) {
            if (outcomes.answered(instanceId) == 0) {
                // within the skip limit, a base URL that reached nothing is otherwise only rows that "gave up"
                out.printf("%s answered none of the %d %s sent: check canceller.atlas.base-url and the network%n",
                        atlas.baseUrlWithoutSlash(), failed, failed == 1 ? "row" : "rows");
            }
            out.printf("%d %s FAILED (Atlas gave no verdict): run the same command again to send only %s again,"
                    + " e.g. cancel-restore-jobs cancel %s%n", failed, failed == 1 ? "row" : "rows", failed == 1 ? "it" : "them", what);
        }
        return attention ? ExitCode.NEEDS_ATTENTION : ExitCode.OK;
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "unknown cause";
        }
        return text.strip().lines().findFirst().orElse(text);
    }
}
