package io.restorejobcanceller.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import io.restorejobcanceller.cli.ExitCode;
import io.restorejobcanceller.database.ResultsDatabase;
import io.restorejobcanceller.job.CancellationJobConfiguration;
import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRepository;
import io.restorejobcanceller.run.CancellationLauncher.Launch;
import io.restorejobcanceller.sending.AtlasPauses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The exit code and the lines {@link RunSummary} gives for each way a launch can end, without a context. */
@ExtendWith(OutputCaptureExtension.class)
class RunSummaryTest {

    private final Map<Outcome, Long> recorded = new EnumMap<>(Outcome.class);
    private final ShutdownRequest shutdownRequest = new ShutdownRequest();

    @ParameterizedTest(name = "{0} with {1} -> exit {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # status  | outcomes recorded       | dry run | exit | needing attention
            COMPLETED | CANCELLED=2,NOT_FOUND=1 | false   | 0    | false
            COMPLETED | DUPLICATE=1,SKIPPED=1   | false   | 0    | false
            COMPLETED | INVALID=1,PLANNED=3     | true    | 3    | true
            COMPLETED | CANCELLED=1,REJECTED=1  | false   | 3    | true
            COMPLETED | FAILED=2                | false   | 3    | true
            COMPLETED | FAILED=2                | true    | 3    | true
            COMPLETED |                         | false   | 0    | false
            FAILED    | CANCELLED=1             | false   | 1    | false
            FAILED    | REJECTED=1              | false   | 1    | true
            STOPPED   | CANCELLED=1             | false   | 1    | false
            ABANDONED | FAILED=1                | false   | 0    | false
            """)
    void aRunEndsWithTheExitCodeOfItsStatusAndOutcomes(BatchStatus status, String outcomes, boolean dryRun, int exitCode,
            boolean attention, CapturedOutput output) {
        // given
        if (outcomes != null) {
            for (String pair : outcomes.split(",")) {
                recorded.put(Outcome.valueOf(pair.split("=")[0]), Long.parseLong(pair.split("=")[1]));
            }
        }

        // when
        int code = summary().report(new Launch.Ran(execution(status, dryRun)), "in.csv");

        // then
        assertThat(code).isEqualTo(exitCode);
        assertThat(output.getOut()).startsWith("Job execution 5 (job instance 2): " + status + "\nResults database: jdbc:h2:file:/tmp/db\n"
                + "Outcomes: " + (outcomes == null ? "none recorded" : outcomes.replace(",", ", ")) + "\n");
        assertThat(output.getOut().contains("Needing attention: query \"SELECT LINE_NUMBER")).isEqualTo(attention);
        assertThat(output.getOut().contains("FAILED (Atlas gave no verdict): run the same command again"))
                .isEqualTo(status == BatchStatus.COMPLETED && !dryRun && recorded.containsKey(Outcome.FAILED));
    }

    @Test
    void failedRowsOfARealRunSayThatTheSameCommandSendsThemAgain(CapturedOutput output) {
        // given
        recorded.put(Outcome.FAILED, 2L);

        // when
        summary().report(new Launch.Ran(execution(BatchStatus.COMPLETED, false)), "in.csv");

        // then
        assertThat(output.getOut()).contains("Needing attention: query \"SELECT LINE_NUMBER, GROUP_ID, CLUSTER_NAME, RESTORE_JOB_ID,"
                + " OUTCOME, HTTP_STATUS, ERROR_CODE, DETAIL FROM CANCELLATION_OUTCOME WHERE JOB_INSTANCE_ID = 2 AND OUTCOME IN"
                + " ('REJECTED', 'FAILED', 'INVALID') ORDER BY LINE_NUMBER\"\n")
                .endsWith("2 rows FAILED (Atlas gave no verdict): run the same command again to send only them again,"
                        + " e.g. cancel-restore-jobs cancel in.csv\n");
    }

    @Test
    void aFailedRunSaysItsRootCauseOnItsFirstLineAndHowToRestart(CapturedOutput output) {
        // given
        JobExecution execution = execution(BatchStatus.FAILED, false);
        execution.addFailureException(new IllegalStateException("writing failed", new RuntimeException("the disk is full\nat line 2")));

        // when
        int code = summary().report(new Launch.Ran(execution), "in.csv");

        // then
        assertThat(code).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(output.getOut()).endsWith("Failed: the disk is full\n"
                + "Run the same command again to restart: rows already recorded are not sent again.\n");
    }

    @Test
    void aRunStoppedOnRequestSaysSo(CapturedOutput output) {
        // given
        shutdownRequest.request();
        JobExecution execution = execution(BatchStatus.STOPPED, false);
        execution.setExitStatus(ExitStatus.STOPPED.addExitDescription("Job interrupted by step execution"));

        // when
        int code = summary().report(new Launch.Ran(execution), "in.csv");

        // then
        assertThat(code).isEqualTo(ExitCode.JOB_FAILED);
        assertThat(output.getOut()).contains("Stopped: on request (SIGTERM or Ctrl-C)\n");
    }

    @ParameterizedTest(name = "{0} -> exit {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ALREADY_DONE    | 0 | in.csv was already done by job execution 5 at 2026-12-01T02:03:04Z; nothing sent.
            ABANDONED       | 2 | error: in.csv was given up (job execution 5 is ABANDONED); change the file to run it again
            NOT_STARTED     | 1 | warning: shutting down; in.csv was not started
            ALREADY_RUNNING | 4 | error: another process is running in.csv right now; not started twice
            """)
    void aLaunchThatRanNothingSaysWhyInOneLine(String kind, int exitCode, String line, CapturedOutput output) {
        // given
        JobExecution execution = execution(BatchStatus.COMPLETED, false);
        execution.setEndTime(LocalDateTime.ofInstant(Instant.parse("2026-12-01T02:03:04Z"), ZoneId.systemDefault()));
        Launch launch = switch (kind) {
            case "ALREADY_DONE" -> new Launch.AlreadyDone(execution);
            case "ABANDONED" -> new Launch.Abandoned(execution);
            case "NOT_STARTED" -> new Launch.NotStarted("in.csv");
            default -> new Launch.AlreadyRunning("in.csv");
        };

        // when
        int code = summary().report(launch, "in.csv");

        // then
        assertThat(code).isEqualTo(exitCode);
        assertThat(output.getAll().lines()).containsExactly(line);
    }

    private RunSummary summary() {
        OutcomeRepository outcomes = new OutcomeRepository(null, null) {
            @Override
            public Map<Outcome, Long> countsByOutcome(long jobInstanceId) {
                assertThat(jobInstanceId).isEqualTo(2);
                return recorded;
            }

            @Override
            public long answered(long jobInstanceId) {
                return 1; // Atlas answered some row: the base URL is not in question here (RetryAndReplanTest)
            }
        };
        ResultsDatabase database = mock(ResultsDatabase.class);
        when(database.displayUrl()).thenReturn("jdbc:h2:file:/tmp/db");
        GracefulShutdown shutdown = new GracefulShutdown(null, null,
                new StaticListableBeanFactory(Map.of(ShutdownRequest.BEAN_NAME, shutdownRequest)).getBeanProvider(ShutdownRequest.class),
                new io.restorejobcanceller.atlas.client.InFlightRequests());
        return new RunSummary(outcomes, database, new AtlasPauses(), shutdown, RunPlanTest.atlas("https://cloud.mongodb.com"));
    }

    private static JobExecution execution(BatchStatus status, boolean dryRun) {
        JobExecution execution = new JobExecution(5, new JobInstance(2, "cancellationJob"),
                new JobParametersBuilder().addJobParameter(CancellationJobConfiguration.DRY_RUN, dryRun, Boolean.class, true).toJobParameters());
        execution.setStatus(status);
        return execution;
    }
}
