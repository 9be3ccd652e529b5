package io.restorejobcanceller.job;

import static io.restorejobcanceller.testing.Targets.path;
import static io.restorejobcanceller.testing.Targets.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The job started through its {@link JobOperator}, without the command line having inspected its file in this process
 * (as a restart in a fresh process or a test would): it inspects the file itself, duplicates included.
 */
class JobLaunchedDirectlyTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void aJobLaunchedWithoutTheCommandLineFindsTheDuplicatesOfItsFile() throws Exception {
        // given: target 1 on lines 2 and 4 (content of its own: no other test of this process inspected it)
        Path input = canceller.file("direct.csv", "groupId,clusterName,restoreJobId\n" + row(1) + "\n" + row(2) + "\n" + row(1)
                + "\n# " + getClass().getName() + "\n").toRealPath();

        // when
        BatchStatus status = launchDirectly(input, sha256(input));

        // then
        assertThat(status).isEqualTo(BatchStatus.COMPLETED);
        assertThat(canceller.outcomes()).extracting(row -> row.get("LINE_NUMBER") + " " + row.get("OUTCOME") + " " + row.get("DETAIL"))
                .containsExactly("2 CANCELLED null", "3 CANCELLED null", "4 DUPLICATE same target as line 2");
        assertThat(canceller.atlas().deletesOf(path(1))).isEqualTo(1);
        assertThat(canceller.atlas().requests()).hasSize(2);
    }

    @Test
    void aJobWhoseFileChangedSinceItStartedSendsNothing() throws Exception {
        // given
        Path input = canceller.file("changed.csv", "groupId,clusterName,restoreJobId\n" + row(1) + "\n").toRealPath();
        String startedWith = sha256(input);
        Files.writeString(input, "groupId,clusterName,restoreJobId\n" + row(2) + "\n");

        // when
        BatchStatus status = launchDirectly(input, startedWith);

        // then
        assertThat(status).isEqualTo(BatchStatus.FAILED);
        assertThat(canceller.atlas().requests()).isEmpty();
        assertThat(canceller.outcomes()).isEmpty();
    }

    private static BatchStatus launchDirectly(Path input, String sha256) {
        AtomicReference<BatchStatus> status = new AtomicReference<>();
        canceller.afterStart((ConfigurableApplicationContext context) -> {
            try {
                var parameters = new JobParametersBuilder()
                        .addString(CancellationJobConfiguration.INPUT_FILE, input.toString())
                        .addString(CancellationJobConfiguration.INPUT_SHA256, sha256)
                        .addJobParameter(CancellationJobConfiguration.DRY_RUN, false, Boolean.class, true)
                        .toJobParameters();
                status.set(context.getBean(JobOperator.class).start(context.getBean(CancellationJobConfiguration.JOB_NAME, Job.class), parameters).getStatus());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).run("cancel", "--dry-run", canceller.file("header-only.csv", "groupId,clusterName,restoreJobId\n").toString());
        return status.get();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
