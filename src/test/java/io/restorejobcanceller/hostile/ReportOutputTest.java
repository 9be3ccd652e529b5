package io.restorejobcanceller.hostile;

import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A report never claims a write it did not make, never overwrites without --force, never the database. */
@ExtendWith(OutputCaptureExtension.class)
class ReportOutputTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @BeforeEach
    void aRunToReportOn() {
        assertThat(canceller.run("cancel", canceller.file("in.csv", csv(3)).toString())).isZero();
    }

    @Test
    void anExistingFileIsOverwrittenOnlyWithForce(CapturedOutput output) throws Exception {
        // given
        Path file = canceller.file("night.csv", "earlier report\n");

        // when
        int refused = canceller.run("report", "--outcome=all", "--format=csv", "--output=" + file);
        String kept = Files.readString(file);
        int forced = canceller.run("report", "--outcome=all", "--format=csv", "--output=" + file, "--force");

        // then
        assertThat(refused).isEqualTo(2);
        assertThat(output.getErr()).contains(file + " exists; give another --output, or --force to overwrite it");
        assertThat(kept).isEqualTo("earlier report\n");
        assertThat(forced).isZero();
        assertThat(Files.readAllLines(file)).hasSize(4).first().asString().startsWith("JOB_EXECUTION_ID,");
    }

    @Test
    void theLineAfterWritingSaysWhatTheReportHoldsAndWhatItLists(CapturedOutput output) {
        // when: the default report lists only the rows needing attention, and there are none
        int exitCode = canceller.run("report", "--output=" + canceller.directory().resolve("report.html"), "--format=html");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("Wrote the report of job instance 1 in ").contains("report.html: 3 rows recorded,"
                + " 0 of them listed (outcome REJECTED, FAILED, INVALID)");
    }

    @Test
    void theResultsDatabaseIsNeverAnOutput(CapturedOutput output) {
        // when
        int exitCode = canceller.run("report", "--output=" + canceller.directory().resolve("db.mv.db"), "--force");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("--output names the results database itself");
        assertThat(canceller.outcomes()).hasSize(3);
    }

    @Test
    void aDirectoryIsNotAnOutput(CapturedOutput output) {
        assertThat(canceller.run("report", "--output=" + canceller.directory())).isEqualTo(2);
        assertThat(output.getErr()).contains("--output names a directory");
    }

    @Test
    void aWriteThatFailsIsAFailureNotASuccess(CapturedOutput output) {
        // when: /dev/full accepts the open and fails every write, as a full disk does
        int exitCode = canceller.run("report", "--outcome=all", "--output=/dev/full", "--force");

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getErr()).contains("could not write the report to /dev/full");
        assertThat(output.getOut()).doesNotContain("Wrote ");
    }
}
