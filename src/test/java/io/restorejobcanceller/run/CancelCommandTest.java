package io.restorejobcanceller.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.Targets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Broken files and bad configuration fail before any DELETE, on one line, with exit code 2; the legacy invocation still cancels. */
@ExtendWith(OutputCaptureExtension.class)
class CancelCommandTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @Test
    void aHeaderWithoutAllRequiredColumnsIsAUsageError(CapturedOutput output) {
        // given
        Path input = canceller.file("in.csv", "groupId,cluster,restoreJobId\n" + Targets.row(1) + "\n");

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(errorLines(output)).containsExactly("error: input file " + input.toAbsolutePath()
                + ": header lacks column clusterName (found: groupId, cluster, restoreJobId; required: groupId, clusterName, restoreJobId)");
        assertNothingSentOrStarted();
    }

    @Test
    void cancelHelpListsTheSettingsThatShapeARunWithTheirDefaults(CapturedOutput output) {
        // when
        int exitCode = canceller.run("cancel", "--help");

        // then: the defaults as the records declare them, read from the jar's configuration metadata
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("with their defaults:", "\n  canceller.skip-limit=100\n",
                "\n  canceller.rate.fallback-requests-per-minute=100\n", "\n  canceller.atlas.base-url=https://cloud.mongodb.com\n",
                "\n  canceller.retry.max-attempts=4\n").doesNotContain("canceller.query.timeout");
    }

    @Test
    void aFileSeparatedBySemicolonsIsNamedAsSuch(CapturedOutput output) {
        // given: what a spreadsheet saves as "CSV" in many locales
        Path input = canceller.file("in.csv", "groupId;clusterName;restoreJobId\n" + Targets.row(1).replace(',', ';') + "\n");

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(errorLines(output)).singleElement().asString().endsWith("; its columns are separated by semicolons (;):"
                + " save it as CSV, separated by commas (groupId,clusterName,restoreJobId)");
        assertNothingSentOrStarted();
    }

    @Test
    void anEmptyFileIsAUsageError(CapturedOutput output) {
        // given
        Path input = canceller.file("in.csv", "\uFEFF# only a comment\n\n");

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(errorLines(output)).singleElement().asString().contains(input.toAbsolutePath().toString()).contains("is empty");
        assertNothingSentOrStarted();
    }

    @Test
    void aMissingFileIsAUsageError(CapturedOutput output) {
        // given
        Path input = canceller.directory().resolve("nowhere.csv");

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(errorLines(output)).containsExactly("error: input file " + input.toAbsolutePath() + ": does not exist");
        assertNothingSentOrStarted();
    }

    @Test
    void aFileThatIsNotUtf8IsAUsageError(CapturedOutput output) throws Exception {
        // given
        Path input = canceller.directory().resolve("latin1.csv");
        java.nio.file.Files.write(input, ("groupId,clusterName,restoreJobId\n" + Targets.row(1) + ",Z\u00fcrich\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(errorLines(output)).singleElement().asString().contains("is not valid UTF-8");
        assertNothingSentOrStarted();
    }

    @Test
    void noCredentialsIsAUsageErrorNamingTheVariable(CapturedOutput output) {
        // given
        Path input = canceller.file("in.csv", Targets.csv(2));

        // when
        int exitCode = canceller.token(null).run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(errorLines(output)).singleElement().asString().contains("MONGODB_ATLAS_ACCESS_TOKEN");
        assertNothingSentOrStarted();
    }

    @Test
    void missingInputAndUnknownOptionsAreUsageErrors(CapturedOutput output) {
        // when
        int noInput = canceller.run();
        int typo = canceller.run("--inptu=x.csv");
        int secretAsArgument = canceller.run("cancel", "x.csv", "--MONGODB_ATLAS_ACCESS_TOKEN=abc");

        // then
        assertThat(noInput).isEqualTo(2);
        assertThat(typo).isEqualTo(2);
        assertThat(secretAsArgument).isEqualTo(2);
        assertThat(errorLines(output)).hasSize(3)
                .anySatisfy(line -> assertThat(line).contains("give a command"))
                .anySatisfy(line -> assertThat(line).contains("unknown option --inptu"))
                .anySatisfy(line -> assertThat(line).contains("credentials are read from the environment"));
        assertThat(output.getErr()).contains("Did you mean: --input?");
        assertThat(output.getAll()).doesNotContain("abc");
        assertNothingSentOrStarted();
    }

    @Test
    void anUnusableSettingIsAUsageError(CapturedOutput output) {
        // given
        Path input = canceller.file("in.csv", Targets.csv(2));

        // when
        int exitCode = canceller.run("cancel", input.toString(), "--canceller.skip-limit=lots");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(errorLines(output)).singleElement().asString().contains("canceller.skip-limit");
        assertThat(atlas.requests()).isEmpty();
    }

    @Test
    void theInvocationFromBeforeSubcommandsStillCancelsTheFile() {
        // given: the legacy form, which schedulers set up before subcommands still run (the subject of this test)
        Path input = canceller.file("in.csv", Targets.csv(2));

        // when
        int dryRun = canceller.run("--input=" + input, "--dry-run");
        int realRun = canceller.run("--input", input.toString());

        // then: the same as cancel FILE --dry-run, then cancel FILE
        assertThat(dryRun).isZero();
        assertThat(realRun).isZero();
        assertThat(canceller.outcomes()).extracting(row -> row.get("OUTCOME"))
                .containsExactly("PLANNED", "PLANNED", "CANCELLED", "CANCELLED");
        assertThat(atlas.deletesOf(Targets.path(1))).isPositive(); // once, unless a loaded host's read timeout resends it
        assertThat(atlas.deletesOf(Targets.path(2))).isPositive();
    }

    private static List<String> errorLines(CapturedOutput output) {
        return output.getErr().lines().filter(line -> line.startsWith("error:")).toList();
    }

    private void assertNothingSentOrStarted() {
        assertThat(atlas.requests()).isEmpty();
        boolean started = canceller.database().sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'BATCH_JOB_INSTANCE'")
                .query(Long.class).single() > 0;
        if (started) {
            assertThat(canceller.database().sql("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE").query(Long.class).single()).isZero();
        }
    }
}
