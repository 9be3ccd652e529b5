package io.restorejobcanceller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.restorejobcanceller.CancellerApplication;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** On the real process, even with --verbose: standard output holds results only, to be piped into jq or a file. */
class StandardOutputTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void aJsonReportOnStandardOutputIsOneJsonDocumentAndNothingElse() throws Exception {
        // given
        assertThat(canceller.run("cancel", "sample-data/restore-jobs.csv", "--dry-run")).isZero();

        // when
        String out = standardOutputOf("report", "--format=json", "--outcome=all");

        // then
        JsonNode report = JsonMapper.builder().build().readTree(out);
        assertThat(report.get("rows")).hasSize(5);
        assertThat(report.get("summary").get("PLANNED").asLong()).isEqualTo(5);
    }

    @Test
    void aCsvReportOnStandardOutputStartsWithItsHeader() throws Exception {
        // given
        assertThat(canceller.run("cancel", "sample-data/restore-jobs.csv", "--dry-run")).isZero();

        // when
        String out = standardOutputOf("report", "--format=csv", "--outcome=all");

        // then
        assertThat(out.lines().toList()).hasSize(6).first().asString().startsWith("JOB_EXECUTION_ID,JOB_INSTANCE_ID,");
    }

    /** Runs the application in a JVM of its own and returns what it wrote to standard output (standard error apart). */
    private static String standardOutputOf(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CancellerApplication.class.getName(),
                "--spring.datasource.url=" + canceller.jdbcUrl(), "--verbose"));
        command.addAll(List.of(args));
        Path out = canceller.directory().resolve("stdout.txt");
        Path err = canceller.directory().resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("XDG_CONFIG_HOME", canceller.directory().resolve("config").toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(() -> read(err)).isZero();
        assertThat(read(err)).as("the log went to standard error").contains("Starting CancellerApplication");
        return read(out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
