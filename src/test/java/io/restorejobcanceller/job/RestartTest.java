package io.restorejobcanceller.job;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Failed runs restart where they stopped and never send a recorded DELETE again. */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @Test
    void a401StopsTheJobAndARestartWithAFixedTokenFinishesTheRest(CapturedOutput output) {
        // given: targets 1-2 accept any token, from target 3 on only the fresh one; all in one chunk
        for (int n = 3; n <= 6; n++) {
            atlas.requireToken(path(n), "fresh-token");
        }
        Path input = canceller.file("in.csv", csv(6));

        // when (one DELETE at a time, so that what was sent before the 401 is known exactly)
        int firstExit = canceller.with("--canceller.concurrency=1").token("stale-token").run("cancel", input.toString());

        // then: stopped at once, nothing after target 3 sent, the 401 row not recorded as a failure of its own
        assertThat(firstExit).isEqualTo(1);
        assertThat(output.getOut()).contains("refused the credentials (HTTP 401");
        assertThat(canceller.outcomes()).extracting(row -> row.get("LINE_NUMBER")).containsExactly(2L, 3L);
        assertThat(atlas.deletesOf(path(3))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(4))).isZero();

        // when: restarted with a fixed token
        int secondExit = canceller.token("fresh-token").run("cancel", input.toString());

        // then: the chunk that rolled back is read again, but targets 1-2 are not sent again
        assertThat(secondExit).isZero();
        assertThat(canceller.outcomes()).hasSize(6).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
        assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(2))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(3))).isEqualTo(2);
        for (int n = 4; n <= 6; n++) {
            assertThat(atlas.deletesOf(path(n))).isEqualTo(1);
        }
        assertThat(canceller.database().sql("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE").query(Long.class).single()).isEqualTo(1L);
        assertThat(canceller.database().sql("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")
                .query(String.class).list()).containsExactly("FAILED", "COMPLETED");
    }

    @Test
    void passingTheSkipLimitFailsTheJobAndARestartCompletesIt() {
        // given: limit 1, targets 2 and 3 rejected, in one chunk of 10
        String rejected = "Cannot cancel a sharded cluster restore job.";
        atlas.answer(path(2), AtlasStub.apiError(405, "ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED", "Method Not Allowed", rejected));
        atlas.answer(path(3), AtlasStub.apiError(405, "ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED", "Method Not Allowed", rejected));
        Path input = canceller.file("in.csv", csv(5));
        canceller.with("--canceller.skip-limit=1").with("--canceller.chunk-size=10").with("--canceller.concurrency=1");

        // when
        int firstExit = canceller.run("cancel", input.toString());

        // then: the second rejection passes the limit; the row is recorded, the rest is not sent
        assertThat(firstExit).isEqualTo(1);
        assertThat(canceller.outcomes()).extracting(row -> row.get("OUTCOME")).containsExactly("CANCELLED", "REJECTED", "REJECTED");
        assertThat(atlas.deletesOf(path(4))).isZero();

        // when
        int secondExit = canceller.run("cancel", input.toString());

        // then
        assertThat(secondExit).isEqualTo(3);
        assertThat(canceller.outcomes()).extracting(row -> row.get("OUTCOME"))
                .containsExactly("CANCELLED", "REJECTED", "REJECTED", "CANCELLED", "CANCELLED");
        for (int n = 1; n <= 5; n++) {
            assertThat(atlas.deletesOf(path(n))).as("DELETEs of target %d", n).isEqualTo(1);
        }
    }

    @Test
    void runningACompletedFileAgainSendsNothing(CapturedOutput output) {
        // given
        Path input = canceller.file("in.csv", csv(3));
        assertThat(canceller.run("cancel", input.toString())).isZero();

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).containsPattern("was already done by job execution 1 at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ; nothing sent");
        assertThat(atlas.requests()).hasSize(3);
        assertThat(canceller.outcomes()).hasSize(3);
    }

    @Test
    void aChangedFileIsANewJobInstance() {
        // given
        Path input = canceller.file("in.csv", csv(2));
        assertThat(canceller.run("cancel", input.toString())).isZero();
        canceller.file("in.csv", csv(3));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then: a new instance, so its duplicates of the old file's targets are sent again by design
        assertThat(exitCode).isZero();
        assertThat(canceller.database().sql("SELECT COUNT(DISTINCT JOB_INSTANCE_ID) FROM CANCELLATION_OUTCOME")
                .query(Long.class).single()).isEqualTo(2L);
        assertThat(atlas.deletesOf(path(3))).isEqualTo(1);
    }

    @Test
    void aDryRunSendsNothingAndDoesNotMakeTheRealRunAlreadyDone() {
        // given
        Path input = canceller.file("in.csv", csv(3) + "32b6e34b3d91647abb20e7b8,bad/name,65a1f0c2e4b0a1b2c3d4e5f6\n");

        // when
        int dryExit = canceller.token(null).run("cancel", input.toString(), "--dry-run");

        // then
        assertThat(dryExit).isEqualTo(3);
        assertThat(atlas.requests()).isEmpty();
        assertThat(canceller.outcomes()).extracting(row -> row.get("OUTCOME")).containsExactly("PLANNED", "PLANNED", "PLANNED", "INVALID");

        // when
        int realExit = canceller.token("test-token").run("cancel", input.toString());

        // then
        assertThat(realExit).isEqualTo(3);
        assertThat(atlas.requests()).hasSize(3);
        assertThat(canceller.database().sql("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE").query(Long.class).single()).isEqualTo(2L);
    }
}
