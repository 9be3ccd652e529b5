package io.restorejobcanceller.job;

import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.CancellerProcess;
import io.restorejobcanceller.testing.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code schedule DIR} as a host without cron runs it: quiet about what it already did. */
class ScheduleTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void aFileAlreadyDoneIsNotAnnouncedAgainAtEachFire() throws Exception {
        // given: an inbox without an archive directory, so the done file stays where every fire meets it
        Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
        Files.writeString(inbox.resolve("a.csv"), "groupId,clusterName,restoreJobId\n" + Targets.row(1) + "\n");
        CancellerProcess process = canceller.with("--canceller.schedule.cron=* * * * * *")
                .with("--canceller.input.settle-time=0s").start("schedule", inbox.toString());

        // when: three more fires after the one that ran it
        process.awaitOutput("Job execution 1 (job instance 1): COMPLETED", 60);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (process.output().stream().filter(line -> line.contains("Scheduled run started at")).count() < 4
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        process.sigterm();
        int exitCode = process.waitForExit(60);

        // then
        assertThat(exitCode).isEqualTo(143);
        assertThat(process.output().stream().filter(line -> line.contains("Scheduled run started at")).count()).isGreaterThanOrEqualTo(4);
        assertThat(process.output().stream().dropWhile(line -> !line.startsWith("Outcomes:")).skip(1))
                .noneMatch(line -> line.contains("already done") || line.contains("Plan:"));
        assertThat(canceller.atlas().deletesOf(path(1))).isEqualTo(1);
    }
}
