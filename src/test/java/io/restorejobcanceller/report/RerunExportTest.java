package io.restorejobcanceller.report;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static io.restorejobcanceller.testing.Targets.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The FAILED rows of a night, exported as an input file and run again: exactly those rows are sent. */
class RerunExportTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @Test
    void theFailedRowsOfARunAreExportedAndRunAsANewFile() throws Exception {
        // given: targets 2 and 4 fail (Atlas unavailable until retries run out), line 7 is invalid
        atlas.answer(path(2), AtlasStub.unavailable());
        atlas.answer(path(4), AtlasStub.unavailable());
        Path night = canceller.file("night.csv", csv(5) + "not-a-project,Cluster0,abc\n");
        assertThat(canceller.run("cancel", night.toString())).isEqualTo(3);
        Path failed = canceller.directory().resolve("failed.csv");

        // when
        int exported = canceller.run("report", "--format=targets", "--outcome=FAILED,INVALID", "--output=" + failed);

        // then: an input file of the two failed targets; the invalid line, with nothing valid to send, is left out
        assertThat(exported).isZero();
        List<String> lines = Files.readAllLines(failed);
        assertThat(lines.get(0)).startsWith("# targets of job instance 1, outcome FAILED, INVALID in jdbc:h2:file:");
        assertThat(lines.get(1)).isEqualTo("# left out: 1 INVALID rows (no valid target to send)");
        assertThat(lines.subList(2, lines.size())).containsExactly("groupId,clusterName,restoreJobId", row(2), row(4));

        // when: Atlas is back (the stub forgets the requests of the night), and the export is run as a new file
        atlas.reset();
        int rerun = canceller.run("cancel", failed.toString());

        // then
        assertThat(rerun).isZero();
        assertThat(atlas.deletesOf(path(2))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(4))).isEqualTo(1);
        assertThat(atlas.requests()).hasSize(2);
        assertThat(canceller.database().sql("SELECT OUTCOME FROM CANCELLATION_OUTCOME WHERE JOB_INSTANCE_ID = 2 ORDER BY LINE_NUMBER")
                .query(String.class).list()).containsExactly("CANCELLED", "CANCELLED");
    }
}
