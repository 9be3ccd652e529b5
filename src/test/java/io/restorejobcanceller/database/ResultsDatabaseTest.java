package io.restorejobcanceller.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.Targets;
import io.restorejobcanceller.testing.CancellerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Where the results database is, that it is durable whatever its URL, that reading it never creates or changes it. */
@ExtendWith(OutputCaptureExtension.class)
class ResultsDatabaseTest {

    private static final String SAMPLE = "sample-data/restore-jobs.csv";
    private static final String COUNT = "SELECT COUNT(*) FROM CANCELLATION_OUTCOME";

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @ParameterizedTest
    @ValueSource(strings = {"report", "query"})
    void readingADatabaseThatDoesNotExistExits2AndCreatesNothing(String command, CapturedOutput output) {
        // given
        Path nowhere = canceller.directory().resolve("nowhere");

        // when
        canceller.with("--spring.datasource.url=jdbc:h2:file:" + nowhere + "/db");
        int exitCode = command.equals("report") ? canceller.run("report") : canceller.run("query", COUNT);

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: no results database at jdbc:h2:file:" + nowhere + "/db ");
        assertThat(nowhere).doesNotExist();
    }

    @Test
    void readingADatabaseWithoutAResultsTableExits2AndChangesNothing(CapturedOutput output) throws Exception {
        // given
        String url = "jdbc:h2:file:" + canceller.directory().resolve("other");
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("CREATE TABLE SOMETHING_ELSE (ID INT)");
        }

        // when
        int exitCode = canceller.with("--spring.datasource.url=" + url).run("report");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("no results database at " + url + " (the database has no results table)");
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertThat(connection.getMetaData().getTables(null, null, "FLYWAY_SCHEMA_HISTORY", null).next()).isFalse();
        }
    }

    @Test
    void queryPrintsRowsAsATableCsvOrJson(CapturedOutput output) {
        // given
        assertThat(canceller.run("cancel", SAMPLE, "--dry-run")).isZero();
        String sql = "SELECT LINE_NUMBER, OUTCOME FROM CANCELLATION_OUTCOME WHERE LINE_NUMBER IN (3, 4) ORDER BY LINE_NUMBER";

        // when
        int table = canceller.run("query", sql);
        String tableOutput = output.getOut();
        int csv = canceller.run("query", sql, "--format=csv");
        String csvOutput = output.getOut().substring(tableOutput.length());
        int json = canceller.run("query", sql, "--format=json");
        String jsonOutput = output.getOut().substring(tableOutput.length() + csvOutput.length());

        // then
        assertThat(List.of(table, csv, json)).containsOnly(0);
        assertThat(tableOutput).containsPattern("LINE_NUMBER +OUTCOME\\R3 +PLANNED\\R4 +PLANNED\\R\\(2 rows\\)");
        assertThat(csvOutput).contains("LINE_NUMBER,OUTCOME\r\n3,PLANNED\r\n4,PLANNED\r\n");
        JsonNode rows = JsonMapper.builder().build().readTree(jsonOutput.substring(jsonOutput.indexOf("[ {")));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("LINE_NUMBER").asLong()).isEqualTo(3);
        assertThat(rows.get(1).get("OUTCOME").asString()).isEqualTo("PLANNED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE FROM CANCELLATION_OUTCOME", "UPDATE CANCELLATION_OUTCOME SET OUTCOME = 'CANCELLED'",
            "DROP TABLE CANCELLATION_OUTCOME", "SELECT 1; DELETE FROM CANCELLATION_OUTCOME",
            "INSERT INTO CANCELLER_RUN_LOCK VALUES ('x')", "SELECT * FROM CANCELLATION_OUTCOME FOR UPDATE; TRUNCATE TABLE CANCELLATION_OUTCOME"})
    void queryRefusesAnythingButOneSelectAndChangesNothing(String sql, CapturedOutput output) {
        // given
        assertThat(canceller.run("cancel", SAMPLE, "--dry-run")).isZero();

        // when
        int exitCode = canceller.run("query", sql);

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: query takes one SELECT statement");
        assertThat(canceller.database().sql(COUNT).query(Long.class).single()).isEqualTo(5);
        assertThat(canceller.database().sql("SELECT COUNT(*) FROM CANCELLER_RUN_LOCK WHERE LOCK_KEY = 'x'").query(Long.class).single()).isZero();
    }

    @Test
    void aSelectCallingAFunctionOfTheDatabaseItselfIsRefused(CapturedOutput output) {
        // given: a SELECT whose function writes, which no reading of the text can see
        assertThat(canceller.run("cancel", SAMPLE, "--dry-run")).isZero();
        canceller.database().sql("CREATE ALIAS WIPE AS 'int wipe(java.sql.Connection c) throws Exception {"
                + " return c.createStatement().executeUpdate(\"DELETE FROM CANCELLATION_OUTCOME\"); }'").update();

        // when
        int exitCode = canceller.run("query", "SELECT WIPE()");

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: query refuses the function WIPE:");
        assertThat(canceller.database().sql(COUNT).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void aPlainH2UrlIsMadeDurable(CapturedOutput output) {
        // given: how anyone writes their own file, without the settings the crash guarantee needs
        String url = "jdbc:h2:file:" + canceller.directory().resolve("own");
        canceller.with("--spring.datasource.url=" + url);
        assertThat(canceller.run("cancel", SAMPLE, "--dry-run")).isZero();

        // when
        int exitCode = canceller.run("query", "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'WRITE_DELAY'", "--format=csv");

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("Results database: " + url + "\n").contains("WRITE_DELAY,0\r\n");
    }

    @Test
    void aRunGivesBackTheSpaceItsCommitsLeftWhenItClosesTheDatabase() throws Exception {
        // given: a commit per row leaves superseded pages behind (measured: 104 MB of file for these rows, 6 MB compacted)
        String url = "jdbc:h2:file:" + canceller.directory().resolve("compacted");
        canceller.with("--spring.datasource.url=" + url);

        // when
        int exitCode = canceller.run("cancel", canceller.file("rows.csv", Targets.csv(10000)).toString(), "--canceller.concurrency=16");

        // then
        assertThat(exitCode).isZero();
        assertThat(canceller.atlas().requests()).hasSize(10000);
        assertThat(Files.size(canceller.directory().resolve("compacted.mv.db"))).isLessThan(20L * 1024 * 1024); // 104 MB without
    }

    @Test
    void aUrlThatContradictsTheCrashGuaranteeIsRefusedBeforeAnythingIsSent(CapturedOutput output) {
        // given
        canceller.with("--spring.datasource.url=jdbc:h2:file:" + canceller.directory().resolve("db") + ";WRITE_DELAY=500");

        // when
        int exitCode = canceller.run("cancel", SAMPLE);

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("spring.datasource.url sets WRITE_DELAY=500, but an H2 file needs WRITE_DELAY=0");
        assertThat(canceller.atlas().requests()).isEmpty();
    }

    @Test
    void theSchemaIsCreatedOnceAndLaterStartsLogNoErrorsIntoTheDatabaseTrace() {
        // given
        assertThat(canceller.run("cancel", SAMPLE, "--dry-run")).isZero();

        // when
        assertThat(canceller.run("cancel", canceller.file("other.csv", "groupId,clusterName,restoreJobId\n").toString(), "--dry-run")).isZero();

        // then
        assertThat(canceller.database().sql("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")
                .query(String.class).list()).containsExactly("1", "2", "3", "4", "5", "6", "7");
        Path trace = canceller.directory().resolve("db.trace.db");
        assertThat(Files.exists(trace) ? read(trace) : "").doesNotContain("already exists").doesNotContain("42101");
    }

    @Test
    void theDefaultDatabaseIsFoundFromAnyWorkingDirectory() throws Exception {
        // given
        canceller.without("--spring.datasource.url").env("XDG_DATA_HOME", canceller.directory().resolve("data").toString());
        Path here = Files.createDirectories(canceller.directory().resolve("here"));
        Path elsewhere = Files.createDirectories(canceller.directory().resolve("elsewhere"));
        Path input = canceller.file("in.csv", Files.readString(Path.of("sample-data/restore-jobs.csv")));
        CancellerProcess run = canceller.startIn(here, "cancel", input.toString(), "--dry-run");
        assertThat(run.waitForExit(60)).isZero();

        // when
        CancellerProcess report = canceller.startIn(elsewhere, "report", "--outcome=all", "--format=csv");

        // then
        assertThat(report.waitForExit(60)).isZero();
        Path file = canceller.directory().resolve("data/restore-job-canceller/canceller.mv.db");
        assertThat(file).exists();
        assertThat(run.output()).contains("Results database: jdbc:h2:file:" + file.toString().replace(".mv.db", ""));
        assertThat(report.output().stream().filter(line -> line.contains(",PLANNED,"))).hasSize(5);
        assertThat(here.resolve("data")).doesNotExist();
        assertThat(elsewhere.resolve("data")).doesNotExist();
    }

    @Test
    void settingsFilesAreReadFromTheUserConfigurationThenTheWorkingDirectory() throws Exception {
        // given
        canceller.without("--spring.datasource.url");
        Path userFile = canceller.directory().resolve("config/restore-job-canceller/application.yml");
        Files.createDirectories(userFile.getParent());
        Files.writeString(userFile, "spring.datasource.url: jdbc:h2:file:" + canceller.directory().resolve("user-db") + "\n");
        Path plain = Files.createDirectories(canceller.directory().resolve("plain"));
        Path local = Files.createDirectories(canceller.directory().resolve("local"));
        Files.writeString(local.resolve("restore-job-canceller.yml"), "spring.datasource.url: jdbc:h2:file:" + canceller.directory().resolve("local-db") + "\n");
        // another Spring application's directory: its generic settings files are not the tool's
        Path other = Files.createDirectories(canceller.directory().resolve("other-application"));
        Files.writeString(other.resolve("application.yml"), "spring.datasource.url: jdbc:h2:file:" + canceller.directory().resolve("other-db")
                + "\nlogging.level.root: DEBUG\n");
        Files.createDirectories(other.resolve("config"));
        Files.copy(other.resolve("application.yml"), other.resolve("config/application.yml"));
        String input = canceller.file("in.csv", Files.readString(Path.of("sample-data/restore-jobs.csv"))).toString();

        // when
        int fromUserFile = canceller.startIn(plain, "cancel", input, "--dry-run").waitForExit(60);
        CancellerProcess fromLocalFile = canceller.startIn(local, "cancel", input, "--dry-run");
        CancellerProcess inOtherApplication = canceller.startIn(other, "cancel", input, "--dry-run");

        // then
        assertThat(List.of(fromUserFile, fromLocalFile.waitForExit(60), inOtherApplication.waitForExit(60))).containsOnly(0);
        assertThat(canceller.directory().resolve("user-db.mv.db")).exists();
        assertThat(canceller.directory().resolve("local-db.mv.db")).exists();
        assertThat(fromLocalFile.output()).first().asString() // after the UTC timestamp a log line has off a terminal
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ Settings files: \\Q" + userFile + ", ./restore-job-canceller.yml\\E");
        assertThat(canceller.directory().resolve("other-db.mv.db")).doesNotExist();
        assertThat(inOtherApplication.output()).noneMatch(line -> line.contains("DEBUG") || line.contains("other-application"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
