package io.restorejobcanceller.cli;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Quiet by default: an expected failure is the summary's one line, without a stack trace; --verbose brings detail back. */
@ExtendWith(OutputCaptureExtension.class)
class QuietLogsTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void wrongCredentialsAreOneClearLineWithoutAStackTrace(CapturedOutput output) {
        // given
        canceller.atlas().requireToken(path(1), "the-right-token");

        // when
        int exitCode = canceller.token("a-wrong-token").run("cancel", canceller.file("in.csv", csv(2)).toString());

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getOut()).containsPattern("Failed: Atlas at http://127.0.0.1:\\d+ \\(.*\\) refused the credentials \\(HTTP 401");
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain(" INFO ").doesNotContain("Exception");
    }

    @Test
    void verboseBringsTheFrameworksDetailBackOnStandardError(CapturedOutput output) {
        // when
        int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(2)).toString(), "--dry-run", "--verbose");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains(" Started ").contains("Job: [SimpleJob: [name=restoreJobCancellationJob]]");
        assertThat(output.getOut()).doesNotContain(" INFO ");
    }

    @Test
    void aRealRunSaysAtTheStartHowLongTheRateLimitMakesIt(CapturedOutput output) {
        // when
        int exitCode = canceller.with("--canceller.rate.requests-per-minute=100").run("cancel", canceller.file("in.csv", csv(5)).toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).containsPattern("Plan: 5 rows of in.csv, 5 valid, naming 1 project \\(1 cluster\\);"
                + " configured: 100 per minute per project, this takes at least 3 s; at " + canceller.atlas().baseUrl()
                + " as an access token \\(MONGODB_ATLAS_ACCESS_TOKEN from ");
    }

    @Test
    void thePlanNamesTheProfileTheCredentialsCameFromAndTheirPublicId(CapturedOutput output) throws Exception {
        // given: an Atlas CLI profile, and no credentials in the environment
        Path config = Files.createDirectories(canceller.directory().resolve("config/atlascli")).resolve("config.toml");
        Files.writeString(config, "[night]\npublic_api_key = \"abcdefgh\"\nprivate_api_key = \"0b6b4e9c-test-only\"\n");
        canceller.token(null);

        // when
        int exitCode = canceller.run("cancel", "--profile", "night", canceller.file("in.csv", csv(2)).toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getErr()).contains("; at " + canceller.atlas().baseUrl() + " as API key abcdefgh (Atlas CLI profile"
                + " 'night' of " + config + ")").doesNotContain("0b6b4e9c");
    }

    @Test
    void thePlanCountsTheTimeOfTheAllowedProjectsOnly(CapturedOutput output) {
        // given: 5 rows of one project, 3 of another, which is the only one allowed
        String allowed = "5e2211c17a3e5a48f5497de3";
        Path input = canceller.file("in.csv", csv(5) + IntStream.rangeClosed(1, 3)
                .mapToObj(n -> allowed + ",Cluster0," + Targets.job(90 + n)).collect(Collectors.joining("\n")) + "\n");

        // when
        int exitCode = canceller.with("--canceller.rate.requests-per-minute=60").run("cancel", input.toString(),
                "--canceller.guard.allowed-projects=" + allowed);

        // then: the time of 3 rows at one a second (5 rows would be 5 s)
        assertThat(exitCode).isEqualTo(3); // the other project's rows are REJECTED
        assertThat(output.getErr()).contains("Plan: 8 rows of in.csv, 8 valid, naming 2 projects (2 clusters); 5 of them in"
                + " projects outside canceller.guard.allowed-projects, not sent; configured: 60 per minute"
                + " per project, this takes at least 3 s");
    }

    @Test
    void httpClientsOwnWarningsStayOutOfTheQuietLog(CapturedOutput output) {
        // given: a 401 whose challenge HttpClient cannot parse (it warns "ex-0000000001 Malformed challenge")
        canceller.atlas().answer(path(1), io.restorejobcanceller.testing.AtlasStub.apiError(401, "NOT_IN_GROUP", "Unauthorized",
                "Not in this project.").withHeader("WWW-Authenticate", " "));

        // when
        int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(1)).toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(output.getAll()).doesNotContain("Malformed challenge").doesNotContain("ex-0");
    }
}
