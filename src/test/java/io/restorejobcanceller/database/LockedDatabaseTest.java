package io.restorejobcanceller.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.CancellerProcess;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An H2 file held by another process: the message says whether it is another run of this tool or another program. */
@ExtendWith(OutputCaptureExtension.class)
class LockedDatabaseTest {

    private static final String SAMPLE = "sample-data/restore-jobs.csv";

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void aFileHeldByAnotherProgramIsNamedWithWhatToDoInstead(CapturedOutput output) throws Exception {
        // given: an H2 shell (as an auditor would open one) connected to the results database
        assertThat(canceller.run("cancel", SAMPLE, "--dry-run")).isZero();
        Path file = canceller.directory().resolve("db.mv.db");
        Process shell = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                Path.of(Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                "org.h2.tools.Shell", "-url", "jdbc:h2:file:" + canceller.directory().resolve("db"), "-user", "sa",
                "-sql", "CREATE ALIAS IF NOT EXISTS SLEEP FOR 'java.lang.Thread.sleep'; CALL SLEEP(120000)")
                .redirectErrorStream(true).redirectOutput(canceller.directory().resolve("shell.log").toFile()).start();
        try {
            awaitHeld(file, shell);

            // when
            int exitCode = canceller.run("cancel", SAMPLE);

            // then
            assertThat(exitCode).isEqualTo(4);
            assertThat(output.getErr()).contains("error: the results database " + file + " is held open by another program, PID "
                    + shell.pid() + " (").contains("org.h2.tools.Shell").contains("restore-job-canceller query");
            assertThat(canceller.atlas().requests()).isEmpty();
        } finally {
            shell.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFileHeldByAnotherRunOfThisToolSaysSo(CapturedOutput output) throws Exception {
        // given: a scheduled canceller, which keeps the database open between its runs
        Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
        CancellerProcess scheduled = canceller.start("schedule", inbox.toString());
        try {
            scheduled.awaitOutput("Scheduled: inbox", 60);
            awaitHeld(canceller.directory().resolve("db.mv.db"), null);

            // when
            int exitCode = canceller.run("cancel", SAMPLE);

            // then
            assertThat(exitCode).isEqualTo(4);
            assertThat(output.getErr()).containsPattern("is in use by another run of restore-job-canceller \\(PID \\d+\\)");
            assertThat(canceller.atlas().requests()).isEmpty();
        } finally {
            scheduled.sigkill();
        }
    }

    @Test
    void aFileHeldByAQueryOfThisToolNamesTheQuery(CapturedOutput output) throws Exception {
        // given: a query that runs until its timeout
        assertThat(canceller.run("cancel", SAMPLE, "--dry-run")).isZero();
        CancellerProcess query = canceller.start("--canceller.query.timeout=120s", "query",
                "SELECT COUNT(*) AS N FROM SYSTEM_RANGE(1, 100000) A CROSS JOIN SYSTEM_RANGE(1, 100000) B WHERE A.X + B.X = 0");
        try {
            awaitHeld(canceller.directory().resolve("db.mv.db"), null);

            // when
            int exitCode = canceller.run("cancel", SAMPLE);

            // then
            assertThat(exitCode).isEqualTo(4);
            assertThat(output.getErr()).containsPattern("is in use by a `query` of restore-job-canceller \\(PID \\d+\\), which"
                    + " holds it only while it runs").doesNotContain("another run");
            assertThat(canceller.atlas().requests()).isEmpty();
        } finally {
            query.sigkill();
        }
    }

    @Test
    void theCommandOfAProcessOfThisToolIsItsFirstWordAfterTheSettings() {
        assertThat(DatabaseProblem.commandWord(List.of("java", "-cp", "a.jar", "io.restorejobcanceller.CancellerApplication",
                "--spring.datasource.url", "jdbc:h2:file:/x", "--verbose", "query", "SELECT 1"))).isEqualTo("query");
        assertThat(DatabaseProblem.commandWord(List.of("java", "-Xmx1g", "-jar", "/opt/restore-job-canceller.jar", "report",
                "--format=csv"))).isEqualTo("report");
        assertThat(DatabaseProblem.commandWord(List.of("java", "-jar", "restore-job-canceller.jar", "--input=in.csv"))).isEmpty();
        assertThat(DatabaseProblem.commandWord(List.of("java", "-jar", "restore-job-canceller.jar", "schedule", "query"))).isEqualTo("schedule");
    }

    private static void awaitHeld(Path file, Process holder) throws InterruptedException {
        for (int i = 0; i < 600 && FileHolders.of(file).isEmpty(); i++) {
            assertThat(holder == null || holder.isAlive()).as("the holding process is alive").isTrue();
            Thread.sleep(50);
        }
        List<ProcessHandle> holders = FileHolders.of(file);
        assertThat(holders).as("a process holds " + file).isNotEmpty();
        if (holder != null) {
            assertThat(holders).extracting(ProcessHandle::pid).contains(holder.pid());
        }
    }
}
