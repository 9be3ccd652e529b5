package io.restorejobcanceller.settings;

import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.CancellerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A mistyped canceller.* setting never runs a job with a default instead: refused, exit 2, the closest key named. */
@ExtendWith(OutputCaptureExtension.class)
class KnownSettingsTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void aMistypedOptionIsRefusedNamingTheClosestKnownOne(CapturedOutput output) {
        // when
        int exitCode = canceller.run("--input=" + canceller.file("in.csv", csv(2)), "--canceller.retry.max-atempts=1");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: the configuration is not usable: unknown setting canceller.retry.max-atempts"
                + " (did you mean canceller.retry.max-attempts?").doesNotContain("\tat ");
        assertThat(canceller.atlas().requests()).isEmpty();
    }

    @Test
    void aMistypedKeyInASettingsFileIsRefused(CapturedOutput output) throws Exception {
        // given
        Path file = canceller.directory().resolve("config/restore-job-canceller/application.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "canceller:\n  concurency: 4\n");

        // when
        int exitCode = canceller.run("--input=" + canceller.file("in.csv", csv(2)));

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("unknown setting canceller.concurency (did you mean canceller.concurrency?");
        assertThat(canceller.atlas().requests()).isEmpty();
    }

    @Test
    void aMistypedEnvironmentVariableIsRefusedAndAWellSpeltOneIsTaken() throws Exception {
        // when
        CancellerProcess mistyped = canceller.env("CANCELLER_SKIPLIMIT", "3").start("--input=" + canceller.file("in.csv", csv(2)), "--dry-run");
        int mistypedExit = mistyped.waitForExit(60);
        int wellSpelt = canceller.env("CANCELLER_SKIPLIMIT", null).env("CANCELLER_SKIP_LIMIT", "3")
                .env("CANCELLER_JAR", "/opt/restore-job-canceller/restore-job-canceller.jar") // the launcher's, no setting
                .start("--input=" + canceller.file("in.csv", csv(2)), "--dry-run").waitForExit(60);

        // then
        assertThat(mistypedExit).isEqualTo(2);
        assertThat(mistyped.output()).anySatisfy(line -> assertThat(line)
                .contains("unknown environment variable CANCELLER_SKIPLIMIT (did you mean canceller.skip-limit?"));
        assertThat(wellSpelt).isZero();
    }

    @Test
    void everyKeyOfTheRecordsIsKnown() {
        assertThat(KnownSettings.knownKeys()).contains("canceller.concurrency", "canceller.retry.max-attempts",
                "canceller.atlas.base-url", "canceller.input.settle-time", "canceller.rate.requests-per-minute");
    }
}
