package io.restorejobcanceller.job;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.CancellerProcess;
import io.restorejobcanceller.testing.SilentServer;
import io.restorejobcanceller.testing.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SIGTERM and the in-process scheduler, on a real JVM process. */
class SignalsTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @Test
    void sigtermStopsTheRunBeforeItsNextRowAndARestartFinishesIt() throws Exception {
        // given: a slow Atlas, and a chunk larger than what gets done before the signal
        for (int n = 1; n <= 20; n++) {
            atlas.answer(path(n), AtlasStub.cancelled().withFixedDelay(200));
        }
        Path input = canceller.file("in.csv", csv(20));
        CancellerProcess process = canceller.with("--canceller.chunk-size=50").start("cancel", input.toString());
        process.awaitOutput("Cancelling restore jobs from", 60);
        while (atlas.requests().size() < 3) {
            Thread.sleep(20);
        }

        // when
        process.sigterm();
        int exitCode = process.waitForExit(60);

        // then: stopped, not left STARTED, and fewer rows done than in the file
        assertThat(exitCode).isEqualTo(143);
        assertThat(canceller.database().sql("SELECT STATUS FROM BATCH_JOB_EXECUTION").query(String.class).single())
                .isEqualTo("STOPPED");
        int recorded = canceller.outcomes().size();
        assertThat(recorded).isBetween(3, 19);

        // when
        int restartExit = canceller.run("cancel", input.toString());

        // then
        assertThat(restartExit).isZero();
        assertThat(canceller.outcomes()).hasSize(20);
        for (int n = 1; n <= 20; n++) {
            assertThat(atlas.deletesOf(path(n))).as("DELETEs of target %d", n).isEqualTo(1);
        }
    }

    @Test
    void sigtermWhileADeleteWaitsOnASilentAtlasCutsItShortAndTheRowWithoutOutcomeIsSentOnRestart() throws Exception {
        // given: an Atlas that accepts the connection and never answers, read for far longer than the test waits
        try (SilentServer silent = new SilentServer()) {
            Path input = canceller.file("in.csv", csv(3));
            CancellerProcess process = canceller.with("--canceller.atlas.base-url=http://127.0.0.1:" + silent.port())
                    .with("--canceller.atlas.read-timeout=600s").with("--canceller.atlas.request-timeout=600s")
                    .start("cancel", input.toString());
            process.awaitOutput("Cancelling restore jobs from", 60);
            while (silent.acceptedConnections() == 0 && process.isAlive()) {
                Thread.sleep(20);
            }

            // when
            process.sigterm();
            int exitCode = process.waitForExit(60);

            // then: stopped without waiting for the answer, and the row has no outcome (never CANCELLED)
            assertThat(exitCode).isEqualTo(143);
            // the line may go on with the cut's cause; logging still works in the stop hook (logback printed its own
            // "No appenders present" on standard output when Boot's logging shutdown hook had stopped it first)
            assertThat(process.output()).as(String.join("\n", process.output()))
                    .anySatisfy(line -> assertThat(line).startsWith("Stopped: on request (SIGTERM or Ctrl-C)"))
                    .anySatisfy(line -> assertThat(line).contains("Shutdown requested: stopping job execution"))
                    .noneSatisfy(line -> assertThat(line).contains("No appenders"));
            assertThat(canceller.database().sql("SELECT STATUS FROM BATCH_JOB_EXECUTION").query(String.class).single())
                    .isEqualTo("STOPPED");
            assertThat(canceller.outcomes()).isEmpty();

            // when: the same command against an Atlas that answers
            int restartExit = canceller.with("--canceller.atlas.base-url=" + atlas.baseUrl()).run("cancel", input.toString());

            // then
            assertThat(restartExit).isZero();
            assertThat(canceller.outcomes()).hasSize(3);
            assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
        }
    }

    @Test
    void sigtermWhileFindWaitsOnASilentAtlasLeavesNoFileAndSaysSo() throws Exception {
        // given: a find into a directory (an inbox) against an Atlas that accepts the connection and never answers
        try (SilentServer silent = new SilentServer()) {
            Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
            CancellerProcess process = canceller.with("--canceller.atlas.base-url=http://127.0.0.1:" + silent.port())
                    .with("--canceller.atlas.read-timeout=600s").with("--canceller.atlas.request-timeout=600s")
                    .with("--canceller.rate.requests-per-minute=0")
                    .start("find", "--project", Targets.GROUP, "--output", inbox.resolve("found.csv").toString());
            while (silent.acceptedConnections() == 0 && process.isAlive()) {
                Thread.sleep(20);
            }

            // when
            process.sigterm();
            int exitCode = process.waitForExit(60);

            // then: no file at all in the inbox (neither the output nor the one written aside), and a line saying why
            assertThat(exitCode).isEqualTo(143);
            try (var left = Files.list(inbox)) {
                assertThat(left.map(Path::getFileName).map(Path::toString)).isEmpty();
            }
            assertThat(process.output()).as(String.join("\n", process.output()))
                    .anySatisfy(line -> assertThat(line).contains("Stopped: on request (SIGTERM or Ctrl-C); nothing was written"));
        }
    }

    @Test
    void sigtermWhileTheStartUpWaitsForASilentDatabaseEndsTheProcessAtOnce() throws Exception {
        // given: a database that accepts the connection and never answers, waited for without a limit, so the
        // start-up holds the application context's locks for good
        try (SilentServer database = new SilentServer()) {
            Path input = canceller.file("in.csv", csv(2));
            CancellerProcess process = canceller.with("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + database.port() + "/canceller")
                    .with("--spring.datasource.hikari.data-source-properties.loginTimeout=0").start("cancel", input.toString());
            while (database.acceptedConnections() == 0 && process.isAlive()) {
                Thread.sleep(20);
            }

            // when
            process.sigterm();
            int exitCode = process.waitForExit(60);

            // then
            assertThat(exitCode).isEqualTo(143);
            assertThat(atlas.requests()).isEmpty();
        }
    }

    @Test
    void afterKill9TheNextLaunchRecoversTheStartedExecutionAndFinishesIt() throws Exception {
        // given: a run killed without warning in the middle of a chunk
        for (int n = 1; n <= 20; n++) {
            atlas.answer(path(n), AtlasStub.cancelled().withFixedDelay(100));
        }
        Path input = canceller.file("in.csv", csv(20));
        CancellerProcess process = canceller.with("--canceller.chunk-size=7").start("cancel", input.toString());
        process.awaitOutput("Cancelling restore jobs from", 60);
        while (atlas.requests().size() < 10) {
            Thread.sleep(10);
        }
        process.sigkill();
        process.waitForExit(60);
        assertThat(canceller.database().sql("SELECT STATUS FROM BATCH_JOB_EXECUTION").query(String.class).single())
                .isEqualTo("STARTED");

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then: one outcome per row; a DELETE is sent again only if it was in flight when the process died (at most
        // canceller.concurrency of them; Atlas answers such a second DELETE 404, so it ends NOT_FOUND there)
        assertThat(exitCode).isZero();
        assertThat(canceller.outcomes()).hasSize(20);
        assertThat(canceller.database().sql("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")
                .query(String.class).list()).containsExactly("FAILED", "COMPLETED");
        int sentTwice = 0;
        for (int n = 1; n <= 20; n++) {
            assertThat(atlas.deletesOf(path(n))).isBetween(1, 2);
            sentTwice += atlas.deletesOf(path(n)) - 1;
        }
        assertThat(sentTwice).isLessThanOrEqualTo(8);
    }

    @Test
    void theSchedulerRunsTheInboxOnEachFireSurvivesABrokenFileAndStopsOnSigterm() throws Exception {
        // given
        Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
        Files.writeString(inbox.resolve("a.csv"), "groupId,clusterName,restoreJobId\n" + Targets.row(1) + "\n");
        CancellerProcess process = canceller.with("--canceller.schedule.cron=* * * * * *")
                .start("schedule", inbox.toString());

        // when: the first fire processes a.csv; then a broken and a new file arrive
        process.awaitOutput("Job execution 1 (job instance 1): COMPLETED", 60);
        Files.writeString(inbox.resolve("b.csv"), "groupId,restoreJobId\n");
        Files.writeString(inbox.resolve("c.csv"), "groupId,clusterName,restoreJobId\n" + Targets.row(3) + "\n");
        process.awaitOutput("Job execution 2 (job instance 2): COMPLETED", 60);
        process.awaitOutput("Scheduled run started at", 60);
        process.sigterm();
        int exitCode = process.waitForExit(60);

        // then
        assertThat(exitCode).isEqualTo(143);
        assertThat(process.output()).anyMatch(line -> line.contains("b.csv: header lacks column clusterName"));
        assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(3))).isEqualTo(1);
        assertThat(canceller.database().sql("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")
                .query(String.class).list()).containsExactly("COMPLETED", "COMPLETED");
    }
}
