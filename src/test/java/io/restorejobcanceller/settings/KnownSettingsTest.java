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
        int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(2)).toString(), "--canceller.retry.max-atempts=1");

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
        int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(2)).toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("Settings files: " + file + "\n").contains("unknown setting canceller.concurency in " + file
                + ":2 (did you mean canceller.concurrency?");
        assertThat(canceller.atlas().requests()).isEmpty();
    }

    @Test
    void aMistypedEnvironmentVariableIsRefusedAndSpringBootsFormsAreTaken() throws Exception {
        // when
        CancellerProcess mistyped = canceller.env("CANCELLER_SKIPLIMT", "3").start("cancel", canceller.file("in.csv", csv(2)).toString(), "--dry-run");
        int mistypedExit = mistyped.waitForExit(60);
        // Spring Boot's canonical form (dashes removed) and the underscored one
        int wellSpelt = canceller.env("CANCELLER_SKIPLIMT", null).env("CANCELLER_SKIPLIMIT", "3").env("CANCELLER_ATLAS_READ_TIMEOUT", "5s")
                .env("CANCELLER_JAR", "/opt/restore-job-canceller/restore-job-canceller.jar") // the launcher's, no setting
                .start("cancel", canceller.file("in.csv", csv(2)).toString(), "--dry-run").waitForExit(60);

        // then
        assertThat(mistypedExit).isEqualTo(2);
        assertThat(mistyped.output()).anySatisfy(line -> assertThat(line)
                .contains("unknown environment variable CANCELLER_SKIPLIMT (did you mean CANCELLER_SKIPLIMIT?"));
        assertThat(wellSpelt).isZero();
    }

    @Test
    void aBaseUrlWithoutItsSchemeIsRefusedSayingToAddIt(CapturedOutput output) {
        // when
        int exitCode = canceller.with("--canceller.atlas.base-url=127.0.0.1:33837").run("cancel", canceller.file("in.csv", csv(2)).toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: canceller.atlas.base-url=127.0.0.1:33837: must be a URL with its scheme,"
                + " such as https://cloud.mongodb.com (add https://)");
    }

    @Test
    void aValueFromTheEnvironmentIsRefusedNamingTheVariable() throws Exception {
        // when
        CancellerProcess run = canceller.env("CANCELLER_CONCURRENCY", "1000").start("cancel", canceller.file("in.csv", csv(2)).toString(), "--dry-run");

        // then
        assertThat(run.waitForExit(60)).isEqualTo(2);
        assertThat(run.output()).anySatisfy(line -> assertThat(line).isEqualTo("error: CANCELLER_CONCURRENCY=1000 (environment): must be between 1 and 32"));
    }

    @Test
    void aSecretIsRefusedOnTheCommandLineSayingWhereToPutIt(CapturedOutput output) {
        // when
        int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(2)).toString(), "--canceller.atlas.private-key=s3cret-key");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: --canceller.atlas.private-key is refused on the command line, where every user"
                + " of this host can read it (ps): set MONGODB_ATLAS_PRIVATE_API_KEY, or canceller.atlas.private-key in a settings file")
                .doesNotContain("s3cret-key").doesNotContain("unknown setting");
        assertThat(canceller.atlas().requests()).isEmpty();
    }

    @Test
    void aSettingGivenTwiceIsRefusedSayingSo(CapturedOutput output) {
        // when
        int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(2)).toString(), "--canceller.chunk-size=5", "--canceller.chunkSize=7");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: the setting --canceller.chunkSize is given twice: give it once");
    }

    @Test
    void theProfileOptionAndItsSettingTogetherAreRefused(CapturedOutput output) {
        // when
        int exitCode = canceller.run("cancel", "--dry-run", canceller.file("in.csv", csv(2)).toString(), "--profile", "night",
                "--canceller.atlas.profile=day");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: --profile and --canceller.atlas.profile are the same setting: give one of them");
    }

    @Test
    void everyKeyOfTheRecordsIsKnown() {
        assertThat(KnownSettings.knownKeys()).contains("canceller.concurrency", "canceller.retry.max-attempts",
                "canceller.atlas.base-url", "canceller.input.settle-time", "canceller.rate.requests-per-minute");
    }
}
