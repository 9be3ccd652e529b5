package io.restorejobcanceller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.restorejobcanceller.testing.AtlasLists;
import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.DigestAtlasServer;
import io.restorejobcanceller.testing.Launcher;
import io.restorejobcanceller.testing.Launcher.Result;
import io.restorejobcanceller.testing.Targets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The packaged jar through jobs/cancel-restore-jobs, as the README runs it: help, mistakes, output, prompts, profiles. */
class CommandLineIT {

    private static final AtlasStub atlas = new AtlasStub();

    @TempDir
    Path home;
    private Launcher launcher;
    private int nextTarget = 1;

    @BeforeEach
    void setUp() {
        atlas.reset();
        launcher = new Launcher(home);
    }

    @AfterAll
    static void stopAtlas() {
        atlas.close();
    }

    @Test
    void helpAndVersionAnswerWithoutStartingTheApplication() throws Exception {
        // when
        Result help = launcher.run("--help");
        Result reportHelp = launcher.run("report", "-h");
        Result version = launcher.run("--version");

        // then
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: cancel-restore-jobs", "cancel", "restart", "abandon", "schedule", "report",
                "query", "completion", "Exit codes:");
        assertThat(reportHelp.exitCode()).isZero();
        assertThat(reportHelp.out()).contains("--format=FORMAT", "Default: table", "--outcome", "--since", "--output");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("restore-job-canceller ").doesNotContain("development build");
        assertThat(help.err() + reportHelp.err() + version.err()).isEmpty();
        assertThat(launcher.dataHome()).doesNotExist(); // no database opened: Spring never started
    }

    @Test
    void mistakesAreOneLineWithTheClosestKnownWordAndExitCode2() throws Exception {
        // when
        Result spring = launcher.run("cancel", "--dry-run", "sample-data/restore-jobs.csv",
                "--spring.datasource.ulr=jdbc:h2:file:" + home.resolve("other"));
        boolean defaultDatabaseUsed = Files.exists(launcher.dataHome());
        Result command = launcher.run("reprot");
        Result option = launcher.run("cancel", "--dyr-run", "sample-data/restore-jobs.csv");
        Result setting = launcher.run("cancel", "--dry-run", "sample-data/restore-jobs.csv", "--canceller.concurency=4");
        Result value = launcher.env("CANCELLER_CONCURRENCY", "1000").run("cancel", "--dry-run", "sample-data/restore-jobs.csv");

        // then
        for (Result result : List.of(command, option, setting, spring, value)) {
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).doesNotContain("\tat ", "Exception");
        }
        assertThat(command.err()).contains("Did you mean: cancel-restore-jobs report");
        assertThat(option.err()).contains("unknown option --dyr-run", "Did you mean: --dry-run?");
        assertThat(setting.err()).contains("unknown setting canceller.concurency (did you mean canceller.concurrency?");
        assertThat(spring.err()).contains("unknown setting --spring.datasource.ulr (did you mean --spring.datasource.url?)");
        assertThat(value.err()).contains("error: CANCELLER_CONCURRENCY=1000 (environment): must be between 1 and 32");
        assertThat(defaultDatabaseUsed).isFalse(); // the mistyped URL did not run against the default database
        assertThat(home.resolve("other.mv.db")).doesNotExist();
    }

    @Test
    void settingsAsSpringBootUsersWriteThemAreTaken() throws Exception {
        // given: Spring Boot's canonical environment form, camelCase and snake_case keys in the user's settings file
        launcher.env("MONGODB_ATLAS_ACCESS_TOKEN", "token").env("CANCELLER_ATLAS_BASEURL", atlas.baseUrl()).env("CANCELLER_SKIPLIMIT", "3");
        Path file = launcher.config("restore-job-canceller/application.yml", "canceller:\n  rate:\n    requestsPerMinute: 0\n"
                + "  atlas:\n    read_timeout: 5s\n");

        // when
        Result run = launcher.run("cancel", "--yes", input(3).toString());
        Result secret = launcher.run("cancel", "--yes", input(2).toString(), "--canceller.atlas.private-key=s3cret-key");
        Result twice = launcher.run("cancel", "--dry-run", input(2).toString(), "--canceller.chunk-size=5", "--canceller.chunk-size=7");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(jarErr(run)).startsWith("Settings files: " + file + "\n");
        assertThat(run.out()).contains("Outcomes: CANCELLED=3");
        assertThat(secret.exitCode()).isEqualTo(2);
        assertThat(jarErr(secret)).startsWith("error: --canceller.atlas.private-key is refused on the"
                + " command line, where every user of this host can read it (ps)").doesNotContain("s3cret-key", "unknown setting");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("error: the setting --canceller.chunk-size is given twice: give it once");
        assertThat(atlas.requests()).hasSize(3);
    }

    @Test
    void anH2FileSharedWithAConsoleIsUsedAsTheReadmeSays() throws Exception {
        // given: the README's advice for an H2 console on the same file
        launcher.env("MONGODB_ATLAS_ACCESS_TOKEN", "token");
        String url = "--spring.datasource.url=jdbc:h2:file:" + home.resolve("shared") + ";AUTO_SERVER=TRUE";

        // when
        Result dryRun = launcher.run("cancel", "--dry-run", input(2).toString(), url);
        Result run = launcher.run("cancel", "--yes", input(3).toString(), url, "--canceller.atlas.base-url=" + atlas.baseUrl());
        Result report = launcher.run("report", "--outcome=all", "--format=csv", url);

        // then
        assertThat(List.of(dryRun.exitCode(), run.exitCode(), report.exitCode())).containsOnly(0);
        assertThat(run.out()).contains("Outcomes: CANCELLED=3");
        assertThat(report.out().lines().filter(line -> line.contains(",CANCELLED,"))).hasSize(3);
    }

    @Test
    void dryRunFalseIsARealRun() throws Exception {
        // when: no credentials, which only a real run needs
        Result result = launcher.run("cancel", "--dry-run=false", "sample-data/restore-jobs.csv");

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no Atlas credentials");
        assertThat(result.out()).doesNotContain("Dry run");
    }

    @Test
    void aJsonReportOnStandardOutputIsJsonAndNothingElse() throws Exception {
        // given
        assertThat(launcher.run("cancel", "--dry-run", "--verbose", "sample-data/restore-jobs.csv").exitCode()).isZero();

        // when
        Result json = launcher.run("report", "--format", "json", "--outcome=all", "--verbose");
        Result csv = launcher.run("report", "--format=csv", "--outcome=all");

        // then
        JsonNode report = JsonMapper.builder().build().readTree(json.out());
        assertThat(report.get("summary").get("PLANNED").asLong()).isEqualTo(5);
        assertThat(json.err()).isNotEmpty(); // --verbose logs, on standard error only
        // the launcher's start-up: Spring's build-time (AOT) bean definitions, from a class-data-sharing archive
        assertThat(json.err()).contains("Starting AOT-processed CancellerApplication");
        assertThat(launcher.sharedArchives()).isNotEmpty();
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("JOB_EXECUTION_ID,");
        assertThat(csv.out().lines()).hasSize(6);
    }

    @Test
    void aReportOnADatabaseAnOlderVersionWroteNamesItAndChangesNothing() throws Exception {
        // given: a results database as the version before find's view (V7) left it
        assertThat(launcher.run("cancel", "--dry-run", "--spring.flyway.target=6", "sample-data/restore-jobs.csv").exitCode()).isZero();
        Path data = launcher.dataHome().resolve("restore-job-canceller/canceller.mv.db");
        byte[] before = Files.readAllBytes(data);

        // when: report and query through the launcher (Spring's build-time bean definitions, Flyway's among them)
        Result report = launcher.run("report");
        Result query = launcher.run("query", "SELECT COUNT(*) FROM CANCELLATION_OUTCOME");

        // then: one line naming the database and what upgrades it, no migration tried, the file as it was
        for (Result reading : List.of(report, query)) {
            assertThat(reading.exitCode()).isEqualTo(2);
            assertThat(reading.err()).contains("was last written by an older version of this tool; the next 'cancel' (a dry run will do)"
                    + " upgrades it").doesNotContain("Migration").doesNotContain("mixin");
        }
        assertThat(Files.readAllBytes(data)).isEqualTo(before);

        // when: a dry run upgrades it
        assertThat(launcher.run("cancel", "--dry-run", "sample-data/restore-jobs.csv").exitCode()).isZero();

        // then
        assertThat(launcher.run("report", "--by=execution").exitCode()).isZero();
    }

    @Test
    void wrongDigestKeysAreOneLineWithoutAStackTrace() throws Exception {
        try (DigestAtlasServer server = new DigestAtlasServer("public-key", "the-private-key", 0)) {
            // when
            Result result = launcher.env("MONGODB_ATLAS_PUBLIC_API_KEY", "public-key")
                    .env("MONGODB_ATLAS_PRIVATE_API_KEY", "not-the-private-key")
                    .run("cancel", input(3).toString(), "--canceller.atlas.base-url=" + server.baseUrl());

            // then
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).contains("Failed: Atlas at " + server.baseUrl() + " (API key public-key"
                    + " (MONGODB_ATLAS_PUBLIC_API_KEY from the environment)) refused the credentials");
            assertThat(result.err()).doesNotContain("\tat ", "Exception", "not-the-private-key");
            assertThat(result.err().lines()).hasSizeLessThan(5);
        }
    }

    @Test
    void anAtlasCliProfileSuppliesTheDigestKeys() throws Exception {
        // given: the Atlas CLI's configuration, with the keys in a named profile; nothing in the environment
        launcher.config("atlascli/config.toml", """
                [default]
                  org_id = "5e2211c17a3e5a48f5497de3"
                  service = "cloud"
                [night]
                  public_api_key = "public-key"
                  private_api_key = "the-private-key"
                  output = "json"
                """);
        try (DigestAtlasServer server = new DigestAtlasServer("public-key", "the-private-key", 0)) {
            // when
            Result result = launcher.run("cancel", "--profile", "night", input(3).toString(),
                    "--canceller.atlas.base-url=" + server.baseUrl());
            Result missing = launcher.run("cancel", "--profile=nigth", input(3).toString());

            // then
            assertThat(result.exitCode()).isZero();
            assertThat(server.accepted(Targets.path(1)) + server.accepted(Targets.path(2)) + server.accepted(Targets.path(3))).isEqualTo(3);
            assertThat(result.out()).contains("Outcomes: CANCELLED=3");
            assertThat(result.out() + result.err()).doesNotContain("the-private-key");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("has no profile 'nigth' (it has: default, night)");
        }
    }

    @Test
    void aRealRunAsksOnATerminalAndOnlyThere() throws Exception {
        // given
        launcher.env("MONGODB_ATLAS_ACCESS_TOKEN", "token");
        String base = "--canceller.atlas.base-url=" + atlas.baseUrl();

        // when
        Path three = input(3);
        Result declined = launcher.runInTerminal("n\n", "cancel", three.toString(), base);
        int sentAfterDeclined = atlas.requests().size();
        Result accepted = launcher.runInTerminal("y\n", "cancel", three.toString(), base);
        Result yes = launcher.runInTerminal("", "cancel", "--yes", input(4).toString(), base);
        Result dryRun = launcher.runInTerminal("", "cancel", "--dry-run", input(5).toString());
        Result noTerminal = launcher.run("cancel", input(6).toString(), base);

        // then
        assertThat(declined.out()).contains("Cancel 3 restore jobs in 1 project (1 cluster) at " + atlas.baseUrl()
                + " as an access token (MONGODB_ATLAS_ACCESS_TOKEN from the environment)? [y/N]");
        assertThat(declined.exitCode()).isEqualTo(2);
        assertThat(sentAfterDeclined).isZero();
        assertThat(accepted.out()).contains("[y/N]", "Outcomes: CANCELLED=3");
        assertThat(accepted.exitCode()).isZero();
        assertThat(yes.out()).doesNotContain("[y/N]").contains("Outcomes: CANCELLED=4");
        assertThat(dryRun.out()).doesNotContain("[y/N]").contains("Outcomes: PLANNED=5");
        assertThat(noTerminal.out() + noTerminal.err()).doesNotContain("[y/N]");
        assertThat(noTerminal.out()).contains("Outcomes: CANCELLED=6");
        // each confirmed real run also asked Atlas for its rate limits (the stub has none): after the yes, never before
        assertThat(atlas.requests().stream().filter(r -> r.getMethod().getName().equals("DELETE"))).hasSize(3 + 4 + 6);
        assertThat(atlas.requests().stream().filter(r -> r.getUrl().startsWith("/api/atlas/v2/rateLimits?"))).hasSize(3);
    }

    @Test
    void findDrawsItsProgressBarOnATerminalAndLogLinesElsewhere() throws Exception {
        // given: two projects, three clusters, 10 restore jobs
        launcher.env("MONGODB_ATLAS_ACCESS_TOKEN", "token");
        String base = "--canceller.atlas.base-url=" + atlas.baseUrl();
        AtlasLists lists = new AtlasLists().project("6a0000000000000000000001", "payments", "Cluster0", "Cluster1")
                .project("6a0000000000000000000002", "orders", "Cluster0");
        lists.restoreJobs("6a0000000000000000000001", "Cluster0", IntStream.rangeClosed(1, 10)
                .mapToObj(n -> AtlasLists.job("%024x".formatted(n), "download", "running", "2026-11-25T00:00:00Z")).toList());
        lists.serveOn(atlas.server(), atlas.baseUrl());

        // when
        Result onTerminal = launcher.runInTerminal("", "find", "--all-projects", "--output", home.resolve("a.csv").toString(), base);
        Result offTerminal = launcher.run("find", "--all-projects", "--output", home.resolve("b.csv").toString(), base);

        // then: the bar redrawn in place on the terminal, then the summary on a line of its own
        assertThat(onTerminal.exitCode()).isZero();
        assertThat(onTerminal.out()).contains("\r\u001b[K[####################] 2/2 projects, 3 clusters, 10 restore jobs seen\r\n10 restore jobs")
                .doesNotContain("Listed project");
        assertThat(offTerminal.exitCode()).isZero();
        assertThat(offTerminal.err()).contains("Listed project 6a0000000000000000000002: 1 clusters, 0 restore jobs (2 of 2 projects, 10 restore jobs seen)")
                .doesNotContain("[#");
    }

    @Test
    void theCompletionScriptCompletesCommandsOptionsAndValuesInBash() throws Exception {
        // given
        Result script = launcher.run("completion", "bash");
        Path file = Files.writeString(home.resolve("completion.sh"), script.out());

        // when
        String commands = complete(file, "rep");
        String options = complete(file, "report", "--for");
        String formats = complete(file, "report", "--format", "");
        String queryFormats = complete(file, "query", "--format", "");

        // then
        assertThat(script.exitCode()).isZero();
        assertThat(commands).isEqualTo("report");
        assertThat(options.lines()).contains("--format", "--force");
        assertThat(formats.lines()).containsExactly("table", "csv", "json", "html", "targets");
        assertThat(queryFormats.lines()).containsExactly("table", "csv", "json");
    }

    /** What bash completes for these words typed after the command, with picocli's completion function. */
    private static String complete(Path script, String... words) throws Exception {
        String line = "cancel-restore-jobs " + String.join(" ", words);
        String array = "cancel-restore-jobs " + String.join(" ", List.of(words).stream().map(w -> "'" + w + "'").toList());
        Process bash = new ProcessBuilder("bash", "-c", "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + array + "); "
                + "COMP_CWORD=" + words.length + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; "
                + "_complete_cancel-restore-jobs 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"").start();
        String out = new String(bash.getInputStream().readAllBytes()).strip();
        bash.waitFor();
        return out;
    }

    /** A file of targets no earlier file of the test named (an earlier run's targets would be DUPLICATE). */
    private Path input(int rows) throws Exception {
        StringBuilder csv = new StringBuilder("groupId,clusterName,restoreJobId\n");
        for (int i = 0; i < rows; i++) {
            csv.append(Targets.row(nextTarget++)).append('\n');
        }
        return Files.writeString(home.resolve("rows-" + nextTarget + ".csv"), csv.toString());
    }

    /**
     * Standard error as the jar wrote it: without the launcher's line of the launch that makes the start-up archive
     * (whichever test comes first), and without the UTC timestamp a log line starts with off a terminal.
     */
    private static String jarErr(Result result) {
        return result.err().lines().filter(line -> !line.contains("Preparing a faster start"))
                .map(line -> line.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ", ""))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
