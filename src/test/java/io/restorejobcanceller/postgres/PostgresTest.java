package io.restorejobcanceller.postgres;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The job repository and the outcome table on PostgreSQL: the Spring Batch schema, the Flyway migrations, a happy
 * path, a restart and a concurrent launch. Run by .ci/run against a throwaway cluster ({@code -Ppostgres}).
 */
@ExtendWith(OutputCaptureExtension.class)
class PostgresTest {

    @RegisterExtension
    static final CancellerHarness canceller = CancellerHarness.onPostgres();
    private static final AtlasStub atlas = canceller.atlas();

    @Test
    void cancelsTheSampleFileAndReportsIt() {
        // when
        int exitCode = canceller.run("cancel", "sample-data/restore-jobs.csv");

        // then
        assertThat(exitCode).isZero();
        assertThat(canceller.outcomes()).hasSize(5).allSatisfy(row -> assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED"));
        assertThat(atlas.requests()).hasSize(5);
        assertThat(canceller.database().sql("SELECT version FROM flyway_schema_history ORDER BY installed_rank")
                .query(String.class).list()).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(canceller.run("report", "--format=json", "--outcome=all")).isZero();
    }

    @Test
    void aRestartAfterA401SendsNothingTwice() {
        // given
        for (int n = 3; n <= 5; n++) {
            atlas.requireToken(path(n), "fresh-token");
        }
        Path input = canceller.file("in.csv", csv(5));
        assertThat(canceller.token("stale-token").run("cancel", input.toString())).isEqualTo(1);

        // when
        int exitCode = canceller.token("fresh-token").run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(canceller.outcomes()).hasSize(5);
        assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(2))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(3))).isEqualTo(2);
    }

    @Test
    void aSecondLaunchWhileOneRunsExitsWith4AndAnOrphanIsRecovered() throws Exception {
        // given
        atlas.answer(path(1), AtlasStub.cancelled().withFixedDelay(1500));
        Path input = canceller.file("in.csv", csv(3));
        CompletableFuture<Integer> first = canceller.runInBackgroundUntilSent(path(1), "cancel", input.toString());

        // when
        int second = canceller.run("cancel", input.toString());

        // then
        assertThat(second).isEqualTo(4);
        assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(atlas.requests()).hasSize(3);

        // and given: the execution made to look as if its process had been killed
        canceller.database().sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL").update();
        canceller.file("in.csv", csv(3));

        // when
        int again = canceller.run("cancel", input.toString());

        // then: recovered (nobody holds its lock), restarted, nothing sent twice
        assertThat(again).isZero();
        assertThat(atlas.requests()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE FROM cancellation_outcome", "UPDATE cancellation_outcome SET outcome = 'CANCELLED'",
            "DROP TABLE cancellation_outcome", "SELECT 1; DELETE FROM cancellation_outcome",
            "WITH gone AS (DELETE FROM cancellation_outcome RETURNING *) SELECT COUNT(*) FROM gone"})
    void queryChangesNothing(String sql) {
        // given
        assertThat(canceller.run("cancel", "sample-data/restore-jobs.csv", "--dry-run")).isZero();

        // when
        int exitCode = canceller.run("query", sql);

        // then: refused before it reaches the database
        assertThat(exitCode).isEqualTo(2);
        assertThat(canceller.outcomes()).hasSize(5);
    }

    @Test
    void queryPrintsRows(CapturedOutput output) {
        // given
        assertThat(canceller.run("cancel", "sample-data/restore-jobs.csv", "--dry-run")).isZero();

        // when
        int exitCode = canceller.run("query", "SELECT outcome, COUNT(*) AS n FROM cancellation_outcome GROUP BY outcome", "--format=csv");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("outcome,n\r\nPLANNED,5\r\n");
    }

    @Test
    void aReportOnADatabaseThatDoesNotExistExits2(CapturedOutput output) {
        // given
        canceller.with("--spring.datasource.url=" + canceller.jdbcUrl().replaceFirst("/([^/?]+)(\\?|$)", "/no_such_database$2"));

        // when
        int exitCode = canceller.run("report");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: no results database at jdbc:postgresql://").contains("/no_such_database");
    }

    @Test
    void nulBytesInTheInputOrInAServerAnswerAreRecordedNotFatal() {
        // given: PostgreSQL refuses NUL in text; an INVALID row holding one, and a server detail holding one
        atlas.answer(path(1), AtlasStub.apiError(400, "INVALID_PARAMETER", "Bad Request", "bad\\u0000value"));
        Path input = canceller.file("in.csv", csv(2) + io.restorejobcanceller.testing.Targets.GROUP + ",Clus\0ter,"
                + io.restorejobcanceller.testing.Targets.job(3) + "\n");

        // when
        int first = canceller.run("cancel", input.toString());
        int again = canceller.run("cancel", input.toString());

        // then: every row recorded once, the run completed, nothing sent twice
        assertThat(first).isEqualTo(3);
        assertThat(again).isZero();
        assertThat(canceller.outcomes()).extracting(row -> row.get("OUTCOME")).containsExactly("REJECTED", "CANCELLED", "INVALID");
        assertThat(canceller.outcomes().get(0).get("DETAIL").toString()).contains("bad\uFFFDvalue");
        assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
    }
}
