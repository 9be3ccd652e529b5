package io.restorejobcanceller.job;

import static io.restorejobcanceller.testing.Targets.GROUP;
import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Running a file again retries the rows Atlas gave no verdict (FAILED) and nothing else; a dry run is a plan made
 * anew each time.
 */
@ExtendWith(OutputCaptureExtension.class)
class RetryAndReplanTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    private static List<String> outcomesOfInstance(long instance) {
        return canceller.outcomes().stream().filter(row -> ((Number) row.get("JOB_INSTANCE_ID")).longValue() == instance)
                .map(row -> row.get("LINE_NUMBER") + ":" + row.get("OUTCOME")).toList();
    }

    @Test
    void theSameCommandAgainSendsOnlyTheFailedRowsUntilNoneIsLeft(CapturedOutput output) {
        // given: target 2 gets no verdict (503 until the attempts run out), target 3 is refused for good
        atlas.answer(path(2), AtlasStub.unavailable());
        atlas.answer(path(3), AtlasStub.apiError(400, "CANNOT_CANCEL_RESTORE_JOB", "Bad Request", "Cannot cancel."));
        Path input = canceller.file("night.csv", csv(4));
        assertThat(canceller.run("cancel", input.toString())).isEqualTo(3);
        int firstAttempts = atlas.deletesOf(path(2));
        assertThat(output.getOut()).contains("1 row FAILED (Atlas gave no verdict): run the same command again to send only it again");

        // when: Atlas answers again, and the operator runs the same command twice more
        atlas.answer(path(2), AtlasStub.cancelled());
        int retryExit = canceller.run("cancel", input.toString());
        int thirdExit = canceller.run("cancel", input.toString());

        // then: only target 2 was sent again, once; the retry is an instance of its own that names the first
        assertThat(retryExit).isZero();
        assertThat(atlas.deletesOf(path(2))).isEqualTo(firstAttempts + 1);
        for (int n : new int[] {1, 3, 4}) {
            assertThat(atlas.deletesOf(path(n))).as("DELETEs of target %d", n).isEqualTo(1);
        }
        assertThat(outcomesOfInstance(1)).containsExactly("2:CANCELLED",
                "3:FAILED", "4:REJECTED", "5:CANCELLED"); // line 1 is the header
        assertThat(outcomesOfInstance(2)).containsExactly("3:CANCELLED");
        assertThat(output.getOut()).contains("(job instance 2, retrying the FAILED rows of job instance 1): COMPLETED");
        assertThat(thirdExit).isZero();
        assertThat(output.getOut()).containsPattern("was already done by job execution 2 at .*; nothing sent");
        assertThat(atlas.requests()).hasSize(firstAttempts + 4);
    }

    @Test
    void aRetryThatFailsAgainIsRetriedByTheNextRunAndNeverReportsDone(CapturedOutput output) {
        // given
        atlas.answer(path(2), AtlasStub.unavailable());
        Path input = canceller.file("night.csv", csv(3));
        assertThat(canceller.run("cancel", input.toString())).isEqualTo(3);
        int attempts = atlas.deletesOf(path(2));

        // when: the retry gets no verdict either
        int retryExit = canceller.run("cancel", input.toString());
        atlas.answer(path(2), AtlasStub.cancelled());
        int secondRetryExit = canceller.run("cancel", input.toString());

        // then
        assertThat(retryExit).isEqualTo(3);
        assertThat(secondRetryExit).isZero();
        assertThat(atlas.deletesOf(path(2))).isEqualTo(2 * attempts + 1);
        assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
        assertThat(outcomesOfInstance(3)).containsExactly("3:CANCELLED");
        assertThat(output.getOut()).contains("(job instance 3, retrying the FAILED rows of job instance 2)");
    }

    @Test
    void anInboxFileWithFailedRowsStaysForTheNextRunWhichRetriesThem(CapturedOutput output) throws Exception {
        // given
        Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
        Path archive = canceller.directory().resolve("done");
        Files.writeString(inbox.resolve("night.csv"), csv(2));
        atlas.answer(path(2), AtlasStub.unavailable());
        canceller.with("--canceller.input.archive-dir=" + archive).with("--canceller.input.settle-time=0s");
        assertThat(canceller.run("cancel", inbox.toString())).isEqualTo(3);
        assertThat(inbox.resolve("night.csv")).exists();

        // when
        atlas.answer(path(2), AtlasStub.cancelled());
        int exitCode = canceller.run("cancel", inbox.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(inbox.resolve("night.csv")).doesNotExist();
        assertThat(archive.resolve("night.csv")).exists();
        assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
    }

    @Test
    void aDryRunIsAPlanMadeAnewEachTimeAndFollowsChangedSettings(CapturedOutput output) {
        // given
        Path input = canceller.file("plan.csv", csv(2));
        assertThat(canceller.run("cancel", "--dry-run", input.toString())).isZero();

        // when: the same dry run again, once the allowed projects leave this one out
        int exitCode = canceller.with("--canceller.guard.allowed-projects=5f0000000000000000000abc")
                .run("cancel", "--dry-run", input.toString());

        // then: a second plan, with the new guard's answer; nothing was sent, and nothing is "already done"
        assertThat(exitCode).isEqualTo(3);
        assertThat(output.getOut()).doesNotContain("already done");
        assertThat(outcomesOfInstance(1)).containsExactly("2:PLANNED", "3:PLANNED");
        assertThat(outcomesOfInstance(2)).containsExactly("2:REJECTED", "3:REJECTED");
        assertThat(atlas.requests()).isEmpty();
        canceller.without("--canceller.guard.allowed-projects");
        assertThat(canceller.run("cancel", input.toString())).isZero();
        assertThat(atlas.deletesUnder(GROUP)).isEqualTo(2);
    }

    @Test
    void aRunStoppedByTheSkipLimitSaysSo(CapturedOutput output) {
        // given
        atlas.answerUnder(GROUP, null, AtlasStub.apiError(400, "CANNOT_CANCEL_RESTORE_JOB", "Bad Request", "Cannot cancel."));
        Path input = canceller.file("in.csv", csv(5));

        // when
        int exitCode = canceller.with("--canceller.skip-limit=2").with("--canceller.concurrency=1").run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getOut()).containsPattern("Failed: skip limit 2 passed: row 3 to end REJECTED or FAILED was"
                + " line 4 \\(REJECTED: .*Cannot cancel");
    }

    @Test
    void aBaseUrlThatRefusesEveryConnectionIsNamedAsTheCause(CapturedOutput output) {
        // given: nothing listens on port 1
        Path input = canceller.file("in.csv", csv(5));

        // when
        int exitCode = canceller.with("--canceller.atlas.base-url=http://127.0.0.1:1").with("--canceller.skip-limit=2")
                .with("--canceller.retry.max-attempts=1").with("--canceller.concurrency=1").run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getOut()).contains("Failed: http://127.0.0.1:1 answered none of the requests sent (line 4: ")
                .contains("check canceller.atlas.base-url and the network");
    }

    @Test
    void aBaseUrlThatRefusedEveryConnectionIsNamedEvenWithinTheSkipLimit(CapturedOutput output) {
        // given: nothing listens on port 1, and the skip limit (100) is not reached by 3 rows
        Path input = canceller.file("in.csv", csv(3));

        // when
        int exitCode = canceller.with("--canceller.atlas.base-url=http://127.0.0.1:1").with("--canceller.retry.max-attempts=1")
                .run("cancel", input.toString());

        // then: the summary names the base URL as the cause, not only 3 rows FAILED
        assertThat(exitCode).isEqualTo(3);
        assertThat(output.getOut()).contains("Outcomes: FAILED=3")
                .contains("http://127.0.0.1:1 answered none of the 3 rows sent: check canceller.atlas.base-url and the network");
    }

    @Test
    void afterTheSkipLimitStoppedARunWhoseRowsAreAllRecordedTheSameCommandSendsItsFailedRows(CapturedOutput output) {
        // given: nothing listens on port 1, and the third failed row passes the skip limit: every row is recorded
        Path input = canceller.file("in.csv", csv(3));
        canceller.with("--canceller.skip-limit=2").with("--canceller.retry.max-attempts=1").with("--canceller.concurrency=1");
        assertThat(canceller.with("--canceller.atlas.base-url=http://127.0.0.1:1").run("cancel", input.toString())).isEqualTo(1);

        // when: Atlas is reachable again
        int exitCode = canceller.with("--canceller.atlas.base-url=" + atlas.baseUrl()).run("cancel", input.toString());

        // then: one command completed the stopped execution (nothing left to send) and sent its FAILED rows
        assertThat(exitCode).isZero();
        assertThat(output.getAll()).contains("Plan: resume job execution 1 of in.csv (FAILED): 3 of its 3 rows are recorded")
                .contains("(job instance 2, retrying the FAILED rows of job instance 1): COMPLETED");
        for (int n = 1; n <= 3; n++) {
            assertThat(atlas.deletesOf(path(n))).as("DELETEs of target %d", n).isEqualTo(1);
        }
        assertThat(outcomesOfInstance(2)).containsExactly("2:CANCELLED", "3:CANCELLED", "4:CANCELLED");
    }
}
