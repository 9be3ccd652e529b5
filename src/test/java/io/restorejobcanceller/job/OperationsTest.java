package io.restorejobcanceller.job;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Inboxes, concurrent launches, orphaned executions, explicit restart and abandon. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @Test
    void anInboxIsProcessedInNameOrderOneInstancePerFileAndArchived() throws Exception {
        // given
        Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
        Path archive = canceller.directory().resolve("archive");
        Files.writeString(inbox.resolve("b.csv"), "groupId,clusterName,restoreJobId\n" + Targets.row(2) + "\n");
        Files.writeString(inbox.resolve("a.csv"), "groupId,clusterName,restoreJobId\n" + Targets.row(1) + "\n");
        Files.writeString(inbox.resolve("notes.txt"), "not a csv");

        // when
        int exitCode = canceller.with("--canceller.input.archive-dir=" + archive).run("cancel", inbox.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(canceller.outcomes()).extracting(row -> row.get("INPUT_FILE"), row -> row.get("JOB_INSTANCE_ID"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(inbox.resolve("a.csv").toString(), 1L),
                        org.assertj.core.groups.Tuple.tuple(inbox.resolve("b.csv").toString(), 2L));
        assertThat(archive.resolve("a.csv")).exists();
        assertThat(archive.resolve("b.csv")).exists();
        assertThat(inbox.resolve("a.csv")).doesNotExist();
        assertThat(inbox.resolve("notes.txt")).exists();
    }

    @Test
    void anInboxFileAlreadyDoneIsNotSentAgainAndABrokenOneDoesNotStopTheOthers(CapturedOutput output) throws Exception {
        // given
        Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
        Files.writeString(inbox.resolve("1-done.csv"), csv(2));
        assertThat(canceller.run("cancel", inbox.toString())).isZero();
        Files.writeString(inbox.resolve("2-broken.csv"), "groupId,restoreJobId\n");
        Files.writeString(inbox.resolve("3-new.csv"), "groupId,clusterName,restoreJobId\n" + Targets.row(3) + "\n");

        // when
        int exitCode = canceller.run("cancel", inbox.toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("2-broken.csv: header lacks column clusterName");
        assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(3))).isEqualTo(1);
    }

    @Test
    void anEmptyInboxIsNotAnError(CapturedOutput output) throws Exception {
        // given
        Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));

        // when
        int exitCode = canceller.run("cancel", inbox.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("holds no file matching *.csv; nothing to do.");
    }

    @Test
    void aSecondLaunchOfTheSameFileWhileOneRunsExitsWith4() throws Exception {
        // given: the first run is slowed down by Atlas
        // (slow enough that the second launch's start-up is over before it ends, on a loaded machine too)
        atlas.answer(path(1), AtlasStub.cancelled().withFixedDelay(8000));
        canceller.with("--canceller.atlas.read-timeout=30s");
        Path input = canceller.file("in.csv", csv(3));
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> canceller.run("cancel", input.toString()));
        waitUntilRunning(input);

        // when
        int second = canceller.run("cancel", input.toString());

        // then
        assertThat(second).isEqualTo(4);
        assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
        for (int n = 1; n <= 3; n++) {
            assertThat(atlas.deletesOf(path(n))).isEqualTo(1);
        }
        assertThat(canceller.database().sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void anExecutionLeftStartedByADeadProcessIsRecoveredAndRestarted(CapturedOutput output) {
        // given: a run that stopped on a 401 after two rows, then made to look like a crash (STARTED, no end)
        for (int n = 3; n <= 4; n++) {
            atlas.requireToken(path(n), "fresh-token");
        }
        Path input = canceller.file("in.csv", csv(4));
        assertThat(canceller.token("stale-token").run("cancel", input.toString())).isEqualTo(1);
        canceller.database().sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL").update();
        canceller.database().sql("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL").update();

        // when
        int exitCode = canceller.token("fresh-token").run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("was left STARTED by a process that no longer runs");
        assertThat(canceller.database().sql("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")
                .query(String.class).list()).containsExactly("FAILED", "COMPLETED");
        assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(2))).isEqualTo(1);
        assertThat(canceller.outcomes()).hasSize(4);
    }

    @Test
    void restartRestartsAFailedExecutionById(CapturedOutput output) {
        // given
        atlas.requireToken(path(2), "fresh-token");
        Path input = canceller.file("in.csv", csv(3));
        assertThat(canceller.token("stale-token").run("cancel", input.toString())).isEqualTo(1);

        // when
        int exitCode = canceller.token("fresh-token").run("restart", "1");
        int againExit = canceller.token("fresh-token").run("restart", "2");

        // then
        assertThat(exitCode).isZero();
        assertThat(canceller.outcomes()).hasSize(3);
        assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
        assertThat(againExit).isZero();
        assertThat(output.getOut()).contains(input + " was already done by job execution 2 at ");
        assertThat(atlas.requests()).hasSize(4); // path(2) twice: refused (401), then cancelled
    }

    @Test
    void restartRefusesAFileThatChanged(CapturedOutput output) {
        // given
        atlas.requireToken(path(1), "fresh-token");
        Path input = canceller.file("in.csv", csv(2));
        assertThat(canceller.token("stale-token").run("cancel", input.toString())).isEqualTo(1);
        canceller.file("in.csv", csv(3));

        // when
        int exitCode = canceller.token("fresh-token").run("restart", "1");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("has changed since execution 1 read it");
    }

    @Test
    void anAbandonedExecutionIsNeitherRestartedNorRunAgain(CapturedOutput output) {
        // given
        atlas.requireToken(path(1), "fresh-token");
        Path input = canceller.file("in.csv", csv(2));
        assertThat(canceller.token("stale-token").run("cancel", input.toString())).isEqualTo(1);

        // when
        int abandonExit = canceller.run("abandon", "1");
        int rerunExit = canceller.token("fresh-token").run("cancel", input.toString());

        // then
        assertThat(abandonExit).isZero();
        assertThat(rerunExit).isEqualTo(2);
        assertThat(output.getErr()).contains("was given up (job execution 1 is ABANDONED)");
        assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(2))).isZero();
    }

    @Test
    void onlyAFailedOrStoppedExecutionCanBeAbandoned(CapturedOutput output) {
        // given: execution 1 failed, then abandoned; execution 2 completed
        atlas.requireToken(path(1), "fresh-token");
        assertThat(canceller.token("stale-token").run("cancel", canceller.file("failed.csv", csv(2)).toString())).isEqualTo(1);
        assertThat(canceller.run("abandon", "1")).isZero();
        assertThat(canceller.token("fresh-token").run("cancel", canceller.file("done.csv", csv(1)).toString())).isZero();

        // when
        int abandonedExit = canceller.run("abandon", "1");
        int completedExit = canceller.run("abandon", "2");

        // then: one line each, usage exit code, no exception's name
        assertThat(abandonedExit).isEqualTo(2);
        assertThat(completedExit).isEqualTo(2);
        assertThat(output.getErr()).contains("error: job execution 1 is ABANDONED; only a failed or stopped execution can be abandoned")
                .contains("error: job execution 2 is COMPLETED; only a failed or stopped execution can be abandoned")
                .doesNotContain("Exception");
    }

    private static void waitUntilRunning(Path input) throws InterruptedException {
        for (int i = 0; i < 2400; i++) { // a minute: a first start-up on a loaded machine takes seconds
            if (atlas.deletesOf(path(1)) > 0) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the first run of " + input + " never reached Atlas");
    }
}
