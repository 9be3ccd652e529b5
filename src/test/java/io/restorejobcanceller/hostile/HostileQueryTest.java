package io.restorejobcanceller.hostile;

import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.CancellerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Queries a hostile auditor would make: a SELECT that writes files, reaches out, waits, or never ends. */
@ExtendWith(OutputCaptureExtension.class)
class HostileQueryTest {

    private static final String COUNT = "SELECT COUNT(*) FROM CANCELLATION_OUTCOME";

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void aQueryThatWouldWipeTheDatabaseFileIsRefusedAndTheNextRunSendsNothingAgain(CapturedOutput output) {
        // given
        Path input = canceller.file("in.csv", csv(5));
        assertThat(canceller.run("cancel", input.toString())).isZero();
        Path file = canceller.directory().resolve("db.mv.db");

        // when
        int exitCode = canceller.run("query", "SELECT FILE_WRITE('', '" + file + "') AS X");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: query refuses the function FILE_WRITE:");
        assertThat(canceller.database().sql(COUNT).query(Long.class).single()).isEqualTo(5);
        assertThat(canceller.run("cancel", input.toString())).isZero();
        assertThat(canceller.atlas().requests()).hasSize(5);
    }

    @Test
    void aQueryThatWouldWriteAnyFileIsRefusedAndWritesNothing(CapturedOutput output) {
        // given
        assertThat(canceller.run("cancel", "sample-data/restore-jobs.csv", "--dry-run")).isZero();
        Path settings = canceller.directory().resolve("config/restore-job-canceller/application.yml");

        // when
        int exitCode = canceller.run("query", "SELECT CSVWRITE('" + settings + "', 'SELECT 1') AS X");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: query refuses the function CSVWRITE:");
        assertThat(settings).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT FILE_READ('/etc/hostname') AS X | the function FILE_READ:",
        "SELECT * FROM CSVREAD('/etc/hostname') | the function CSVREAD:",
        "SELECT LINK_SCHEMA('S', '', 'jdbc:h2:mem:x', 'sa', '', 'PUBLIC') AS X | the function LINK_SCHEMA:",
        "SELECT * FROM CANCELLATION_OUTCOME WHERE OUTCOME = COALESCE(DATABASE_PATH(), 'x') | the function DATABASE_PATH:",
        "SELECT COUNT(*) AS N FROM CANCELLATION_OUTCOME GROUP BY OUTCOME ORDER BY MAX(SLEEP(1)) | the function SLEEP:",
        "SELECT pg_catalog.pg_sleep(1) AS X | the function pg_catalog.pg_sleep:",
        "SELECT \"FILE_WRITE\"('', 'x') AS X | the function \"FILE_WRITE\":",
        "SELECT NEXT VALUE FOR BATCH_JOB_SEQ AS X | NEXT VALUE FOR: it advances a sequence",
        "SELECT * INTO OUTCOME_COPY FROM CANCELLATION_OUTCOME | SELECT ... INTO: it creates a table",
        "SELECT * FROM CANCELLATION_OUTCOME FOR UPDATE | SELECT ... FOR UPDATE: it locks rows",
        "WITH GONE AS (DELETE FROM CANCELLATION_OUTCOME RETURNING *) SELECT COUNT(*) FROM GONE | a DELETE inside the SELECT",
        "SELECT E'\\'' AS A, pg_sleep(100) AS B -- ' | backslashes"})
    void aQueryThatDoesMoreThanReadIsRefusedWithWhatItDoes(String sql, String refused, CapturedOutput output) {
        // given
        assertThat(canceller.run("cancel", "sample-data/restore-jobs.csv", "--dry-run")).isZero();

        // when
        int exitCode = canceller.run("query", sql);

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: query refuses " + refused);
        assertThat(output.getErr().lines().filter(line -> line.startsWith("error: "))).hasSize(1);
        assertThat(canceller.database().sql(COUNT).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aQueryOfAggregatesConditionsAndDatesStillAnswers(CapturedOutput output) {
        // given
        assertThat(canceller.run("cancel", "sample-data/restore-jobs.csv", "--dry-run")).isZero();

        // when
        int exitCode = canceller.run("query", "SELECT LOWER(OUTCOME) AS O, COUNT(*) AS N,"
                + " SUM(CASE WHEN HTTP_STATUS IS NULL THEN 1 ELSE 0 END) AS UNSENT, COALESCE(MAX(ERROR_CODE), 'none') AS CODE,"
                + " MIN(CAST(RECORDED_AT AS DATE)) >= CURRENT_DATE - 1 AS RECENT, EXTRACT(YEAR FROM MAX(RECORDED_AT)) > 2000 AS Y,"
                + " DATE_TRUNC('DAY', MAX(RECORDED_AT)) <= CURRENT_TIMESTAMP AS D"
                + " FROM CANCELLATION_OUTCOME /* the dry run's rows */ GROUP BY OUTCOME", "--format=csv");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("O,N,UNSENT,CODE,RECENT,Y,D\r\nplanned,5,5,none,true,true,true\r\n");
    }

    @Test
    void aRunawayQueryIsStoppedAtTheTimeout(CapturedOutput output) {
        // given
        assertThat(canceller.run("cancel", "sample-data/restore-jobs.csv", "--dry-run")).isZero();

        // when: ten billion rows
        int exitCode = canceller.with("--canceller.query.timeout=1s").run("query",
                "SELECT COUNT(*) AS N FROM SYSTEM_RANGE(1, 100000) A CROSS JOIN SYSTEM_RANGE(1, 100000) B WHERE A.X + B.X = 0");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: the query ran longer than canceller.query.timeout (1 s) and was stopped,"
                + " nothing changed");
        assertThat(canceller.database().sql(COUNT).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aCallThatNeverChecksForCancellationIsEndedPastTheTimeoutAndFreesTheFile() throws Exception {
        // given: a regular expression that backtracks for hours inside one call, between no two rows
        assertThat(canceller.run("cancel", "--dry-run", "sample-data/restore-jobs.csv")).isZero();

        // when
        CancellerProcess query = canceller.with("--canceller.query.timeout=1s")
                .start("query", "SELECT LENGTH(REGEXP_REPLACE(REPEAT('a', 100000), '(a*)*b', 'x')) AS N");
        int exitCode = query.waitForExit(60);

        // then: ended with one line, and the file is free for the next run
        assertThat(exitCode).isEqualTo(2);
        assertThat(query.output()).anySatisfy(line -> assertThat(line).isEqualTo("error: the query ran past"
                + " canceller.query.timeout (1 s) and did not stop when the database cancelled it; ended, nothing changed: narrow it"));
        assertThat(canceller.run("cancel", "--dry-run", "sample-data/restore-jobs.csv")).isZero();
    }

    @Test
    void aHugeResultIsStreamedAsCsvWhileATableRefusesIt() throws Exception {
        // given
        assertThat(canceller.run("cancel", "--dry-run", "sample-data/restore-jobs.csv")).isZero();
        String huge = "SELECT A.X AS A, B.X AS B FROM SYSTEM_RANGE(1, 100000000) A, SYSTEM_RANGE(1, 1000) B";

        // when: in a process of 256 MB of heap
        CancellerProcess csv = canceller.with("--canceller.query.timeout=3s").start("query", huge, "--format=csv");
        int csvExit = csv.waitForExit(60);
        CancellerProcess table = canceller.start("query", huge);
        int tableExit = table.waitForExit(60);

        // then: CSV rows came out as they were found until the timeout; the table said why it prints none
        assertThat(csvExit).isEqualTo(2);
        assertThat(csv.output()).contains("A,B", "1,1").noneMatch(line -> line.contains("OutOfMemoryError"))
                .anySatisfy(line -> assertThat(line).contains("error: the query ran longer than canceller.query.timeout (3 s)"));
        assertThat(tableExit).isEqualTo(2);
        assertThat(table.output()).anySatisfy(line -> assertThat(line).startsWith("error: the query gives more than 10000 rows"))
                .doesNotContain("A  B");
    }
}
