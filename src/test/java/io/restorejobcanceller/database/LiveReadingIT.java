package io.restorejobcanceller.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.restorejobcanceller.testing.Launcher;
import io.restorejobcanceller.testing.Launcher.Result;
import io.restorejobcanceller.testing.Launcher.Started;
import io.restorejobcanceller.testing.LoopbackAtlas;
import io.restorejobcanceller.testing.Targets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} and {@code query} while a run holds the default H2 file (issue 26, item 4), through the packaged jar. */
class LiveReadingIT {

    private static final String COUNT = "SELECT OUTCOME, COUNT(*) AS ROWS FROM CANCELLATION_OUTCOME GROUP BY OUTCOME";

    @TempDir
    Path home;
    private Launcher launcher;
    private Path live;

    @BeforeEach
    void setUp() {
        launcher = new Launcher(home).env("MONGODB_ATLAS_ACCESS_TOKEN", "token");
        live = launcher.dataHome().resolve("restore-job-canceller").resolve(LiveSnapshot.DIRECTORY);
    }

    @Test
    void reportAndQueryShowTheRowsSoFarWhileARunSendsAndNoOtherUserCanAsk() throws Exception {
        try (LoopbackAtlas atlas = new LoopbackAtlas(0, 250, LoopbackAtlas.Faults.NONE, 0, 7)) {
            Path rows = Files.writeString(home.resolve("rows.csv"), Targets.csv(120));
            Started run = launcher.start("cancel", "--yes", rows.toString(), "--canceller.atlas.base-url=" + atlas.baseUrl(),
                    "--canceller.concurrency=1");
            await(() -> atlas.requests() >= 5, run);

            Result report = launcher.run("report", "--outcome=all", "--format=csv");
            Result query = launcher.run("query", COUNT, "--format=csv");
            boolean runningMeanwhile = run.process().isAlive();
            String directoryMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(live));
            String socketMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(live.resolve(LiveSnapshot.SOCKET)));

            assertThat(run.process().waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(run.process().exitValue()).as(run.output()).isZero();
            assertThat(runningMeanwhile).as("the run was still sending when both had answered").isTrue();
            assertThat(report.exitCode()).as(report.err()).isZero();
            long reported = report.out().lines().filter(line -> line.contains(",CANCELLED,")).count();
            assertThat(reported).isBetween(1L, 119L);
            assertThat(query.exitCode()).as(query.err()).isZero();
            assertThat(query.out().lines()).hasSize(2).first().isEqualTo("OUTCOME,ROWS");
            assertThat(query.out().lines().skip(1).findFirst().orElseThrow()).startsWith("CANCELLED,");
            assertThat(Long.parseLong(query.out().lines().skip(1).findFirst().orElseThrow().split(",")[1])).isBetween(reported, 119L);
            assertThat(directoryMode).isEqualTo("rwx------");
            assertThat(socketMode).isEqualTo("rw-------");
            assertThat(leftInLive()).as("the socket and every copy are gone once the run has ended").isEmpty();
        }
    }

    @Test
    void whileARunHoldsTheFileTheyPrintWhatTheyPrintWithoutItAndAKilledRunBreaksNothing() throws Exception {
        try (LoopbackAtlas atlas = new LoopbackAtlas(0, 0, LoopbackAtlas.Faults.NONE, 0, 7)) {
            String base = "--canceller.atlas.base-url=" + atlas.baseUrl();
            Path rows = Files.writeString(home.resolve("rows.csv"), Targets.csv(6));
            assertThat(launcher.run("cancel", "--yes", rows.toString(), base).exitCode()).isZero();
            Result reportAlone = launcher.run("report", "--outcome=all");
            Result queryAlone = launcher.run("query", COUNT);
            Path inbox = Files.createDirectory(home.resolve("inbox"));

            Started holding = launcher.start("schedule", inbox.toString(), base);
            await(() -> Files.exists(live.resolve(LiveSnapshot.SOCKET)), holding);
            Result reportDuring = launcher.run("report", "--outcome=all");
            Result queryDuring = launcher.run("query", COUNT);
            holding.process().destroyForcibly().waitFor();
            boolean staleSocket = Files.exists(live.resolve(LiveSnapshot.SOCKET));
            Result reportAfterKill = launcher.run("report", "--outcome=all");
            Result nextRun = launcher.run("cancel", "--yes", Files.writeString(home.resolve("more.csv"), Targets.csv(2)).toString(), base);

            assertThat(reportAlone.exitCode()).as(reportAlone.err()).isZero();
            assertThat(reportDuring.exitCode()).as(reportDuring.err()).isZero();
            assertThat(reportDuring.out()).isEqualTo(reportAlone.out()).contains("Database: jdbc:h2:file:" + live.getParent().resolve("canceller"));
            assertThat(queryDuring.exitCode()).as(queryDuring.err()).isZero();
            assertThat(queryDuring.out()).isEqualTo(queryAlone.out()).contains("CANCELLED  6");
            assertThat(staleSocket).as("kill -9 leaves the socket").isTrue();
            assertThat(reportAfterKill.exitCode()).as(reportAfterKill.err()).isZero();
            assertThat(reportAfterKill.out()).isEqualTo(reportAlone.out());
            assertThat(nextRun.exitCode()).as(nextRun.err()).isZero();
            assertThat(leftInLive()).isEmpty();
        }
    }

    @Test
    void aDatabaseTheOperatorNamedIsLeftAsItWas() throws Exception {
        String url = "--spring.datasource.url=jdbc:h2:file:" + home.resolve("named");
        Path inbox = Files.createDirectory(home.resolve("inbox"));
        Started holding = launcher.start("schedule", inbox.toString(), url);
        await(() -> Files.exists(home.resolve("named.mv.db")), holding);
        Result report = launcher.run("report", url);
        holding.process().destroy();
        holding.process().waitFor();

        assertThat(report.exitCode()).as(report.err()).isEqualTo(4);
        assertThat(report.err()).contains("is in use by another run of restore-job-canceller");
        assertThat(launcher.dataHome().resolve("restore-job-canceller")).doesNotExist();
    }

    private Stream<Path> leftInLive() throws Exception {
        return Files.list(live).toList().stream();
    }

    /** Waits for the run to reach a state (not a timed assertion: the run's own end or 120 s end the wait). */
    private static void await(BooleanSupplier reached, Started run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!reached.getAsBoolean()) {
            assertThat(run.process().isAlive()).as("the run ended first: %s", run.output()).isTrue();
            assertThat(System.nanoTime()).as("never reached; the run said: %s", run.output()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
