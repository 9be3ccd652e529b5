package io.restorejobcanceller.job;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restorejobcanceller.testing.Targets.GROUP;
import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code --check-first}: a GET of each restore job before its DELETE, and no DELETE where nothing can be cancelled. */
class CheckFirstTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @BeforeEach
    void restoreJobsOfEveryKind() {
        atlas.restoreJobState(path(1), "download", false, false, null);
        atlas.restoreJobState(path(2), "automated", false, false, null);
        atlas.restoreJobState(path(3), "pointInTime", false, false, null);
        atlas.restoreJobState(path(4), "download", true, false, null);
        atlas.restoreJobState(path(5), "download", false, false, "2026-11-22T02:10:00Z");
        atlas.restoreJobState(path(6), "download", false, true, null);
    }

    private static Map<String, Object> line(int line) {
        return canceller.outcomes().stream().filter(row -> Long.valueOf(line).equals(row.get("LINE_NUMBER"))).findFirst().orElseThrow();
    }

    private static int reads() {
        return atlas.server().countRequestsMatching(getRequestedFor(urlPathMatching("/api/atlas/v2/groups/" + GROUP + "/.*")).build())
                .getCount();
    }

    @Test
    void onlyADownloadStillUnderWayGetsADelete() {
        // given
        Path input = canceller.file("in.csv", csv(6));

        // when
        int exitCode = canceller.run("cancel", input.toString(), "--check-first");

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(reads()).isEqualTo(6);
        assertThat(atlas.deletesUnder(GROUP)).isEqualTo(1);
        assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
        assertThat(line(2)).containsEntry("OUTCOME", "CANCELLED").containsEntry("ATTEMPTS", 1);
        assertThat(line(3)).containsEntry("OUTCOME", "REJECTED").containsEntry("ERROR_CODE", "NOT_A_DOWNLOAD_RESTORE_JOB");
        assertThat(line(4)).containsEntry("OUTCOME", "REJECTED").containsEntry("ERROR_CODE", "NOT_A_DOWNLOAD_RESTORE_JOB");
        assertThat(line(5)).containsEntry("OUTCOME", "SKIPPED").containsEntry("ATTEMPTS", 0);
        assertThat((String) line(5).get("DETAIL")).contains("already cancelled");
        assertThat((String) line(6).get("DETAIL")).contains("already finished at 2026-11-22T02:10:00Z");
        assertThat((String) line(7).get("DETAIL")).contains("already expired");
    }

    @Test
    void aCheckedDryRunPlansExactlyTheDeletesThatWouldBeSentAndSendsNone() {
        // given
        Path input = canceller.file("in.csv", csv(6));

        // when
        int exitCode = canceller.run("cancel", input.toString(), "--dry-run", "--check-first");

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(atlas.deletesUnder(GROUP)).isZero();
        assertThat(reads()).isEqualTo(6);
        assertThat(canceller.outcomes()).filteredOn(row -> "PLANNED".equals(row.get("OUTCOME")))
                .singleElement().satisfies(row -> assertThat(row.get("LINE_NUMBER")).isEqualTo(2L));
        assertThat(canceller.outcomes()).filteredOn(row -> "SKIPPED".equals(row.get("OUTCOME"))).hasSize(3);
    }
}
