package io.restorejobcanceller.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What a {@code query} may not do on PostgreSQL: wait, signal the canceller's sessions, reach out, or run for ever. */
@ExtendWith(OutputCaptureExtension.class)
class PostgresQueryTest {

    @RegisterExtension
    static final CancellerHarness canceller = CancellerHarness.onPostgres();

    @BeforeEach
    void aDryRunsRows() {
        assertThat(canceller.run("cancel", "sample-data/restore-jobs.csv", "--dry-run")).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT pg_sleep(2) AS x | pg_sleep",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() | pg_terminate_backend",
        "SELECT * FROM dblink('dbname=postgres', 'DELETE FROM cancellation_outcome') AS t(n int) | dblink",
        "SELECT lo_import('/etc/hostname') AS x | lo_import",
        "SELECT set_config('default_transaction_read_only', 'off', false) AS x | set_config",
        "SELECT nextval('batch_job_seq') AS x | nextval"})
    void aFunctionThatWaitsSignalsOrReachesOutIsRefused(String sql, String function, CapturedOutput output) {
        // when
        int exitCode = canceller.run("query", sql);

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: query refuses the function " + function + ":");
        assertThat(canceller.outcomes()).hasSize(5);
    }

    @Test
    void aCallHiddenInANestedCommentIsNotRun(CapturedOutput output) {
        // given: PostgreSQL nests comments, the parser does not: the text as given would run pg_sleep
        String sql = "SELECT COUNT(*) AS n FROM cancellation_outcome /* /* */ -- */ WHERE pg_sleep(2) IS NULL";

        // when
        int exitCode = canceller.run("query", sql, "--format=csv");

        // then: what ran is what was checked, the count without the call
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("n\r\n5\r\n");
    }

    @Test
    void aRunawayQueryIsStoppedAtTheTimeout(CapturedOutput output) {
        // when: ten billion rows
        int exitCode = canceller.with("--canceller.query.timeout=1s").run("query",
                "SELECT COUNT(*) AS n FROM generate_series(1, 100000) a CROSS JOIN generate_series(1, 100000) b");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: the query ran longer than canceller.query.timeout (1 s) and was stopped");
    }
}
