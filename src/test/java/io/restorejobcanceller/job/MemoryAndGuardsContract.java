package io.restorejobcanceller.job;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static io.restorejobcanceller.testing.Targets.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.Targets;
import org.junit.jupiter.api.Test;

/**
 * Memory across runs (a target an earlier run finished is not sent again) and the blast-radius guards, on H2 and on
 * PostgreSQL (a subclass each).
 */
public abstract class MemoryAndGuardsContract {

    private static final String OTHER_PROJECT = "5e2211c17a3e5a48f5497de3";

    protected abstract CancellerHarness canceller();

    @Test
    void aTargetAnEarlierRunCancelledIsADuplicateNamingThatRun() {
        // given: file 1 cancels targets 1-3 (3 is already gone: NOT_FOUND), and a dry run of targets 4-5 sends nothing
        AtlasStub atlas = canceller().atlas();
        atlas.answer(path(3), AtlasStub.apiError(404, "RESOURCE_NOT_FOUND", "Not Found", "gone"));
        Path first = canceller().file("first.csv", csv(3));
        assertThat(canceller().run("cancel", first.toString())).isZero();
        assertThat(canceller().run("cancel", "--dry-run", canceller().file("dry.csv", rows(4, 5)).toString())).isZero();

        // when: a later file names targets 2-5
        int exitCode = canceller().run("cancel", canceller().file("second.csv", rows(2, 5)).toString());

        // then: 2 and 3 are not sent again; 4 and 5 (only planned before) are
        assertThat(exitCode).isZero();
        assertThat(outcomes(3)).containsExactly("DUPLICATE", "DUPLICATE", "CANCELLED", "CANCELLED");
        assertThat(detailOfLine(3, 2)).startsWith("not sent: already CANCELLED by job execution 1 (" + realPath(first)
                + " line 3, ").endsWith("); --resend-known sends it anyway");
        assertThat(detailOfLine(3, 3)).startsWith("not sent: already NOT_FOUND by job execution 1");
        for (int n = 1; n <= 5; n++) {
            assertThat(atlas.deletesOf(path(n))).as("DELETEs of target %d", n).isEqualTo(1);
        }

        // when: the operator insists
        int resent = canceller().run("cancel", "--resend-known", canceller().file("third.csv", rows(2, 2)).toString());

        // then
        assertThat(resent).isZero();
        assertThat(atlas.deletesOf(path(2))).isEqualTo(2);
    }

    @Test
    void rowsOfProjectsNotAllowedAreRejectedUnsentAndCountOnceAgainstTheSkipLimit() {
        // given: three rows of another project between rows of the allowed one, a skip limit of 1
        AtlasStub atlas = canceller().atlas();
        String other = IntStream.rangeClosed(1, 3).mapToObj(n -> OTHER_PROJECT + "," + Targets.CLUSTER + "," + Targets.job(10 + n))
                .collect(Collectors.joining("\n"));
        Path input = canceller().file("mixed.csv", "groupId,clusterName,restoreJobId\n" + row(1) + "\n" + other + "\n" + row(2) + "\n");

        // when
        int exitCode = canceller().with("--canceller.skip-limit=1")
                .run("cancel", input.toString(), "--canceller.guard.allowed-projects=" + Targets.GROUP);

        // then: completed (one skip for the project, not three), the other project never reached Atlas
        assertThat(exitCode).isEqualTo(3);
        assertThat(outcomes(1)).containsExactly("CANCELLED", "REJECTED", "REJECTED", "REJECTED", "CANCELLED");
        assertThat(canceller().database().sql("SELECT DISTINCT ERROR_CODE FROM CANCELLATION_OUTCOME WHERE OUTCOME = 'REJECTED'")
                .query(String.class).list()).containsExactly("PROJECT_NOT_ALLOWED");
        assertThat(atlas.deletesUnder(OTHER_PROJECT)).isZero();
        assertThat(atlas.requests()).hasSize(2);
    }

    @Test
    void aFileWithMoreRowsToSendThanTheGuardAllowsIsRefusedBeforeAnything() {
        // given
        Path input = canceller().file("big.csv", csv(5) + OTHER_PROJECT + ",Cluster0," + Targets.job(99) + "\n");

        // when
        int refused = canceller().run("cancel", input.toString(), "--canceller.guard.max-cancellations=4");
        int allowed = canceller().run("cancel", input.toString(), "--canceller.guard.max-cancellations=1",
                "--canceller.guard.allowed-projects=" + OTHER_PROJECT);

        // then: 6 valid rows > 4: nothing sent, no run; with one allowed project only 1 row is to send
        assertThat(refused).isEqualTo(2);
        assertThat(allowed).isEqualTo(3);
        assertThat(canceller().atlas().requests()).hasSize(1);
        assertThat(canceller().atlas().deletesUnder(OTHER_PROJECT)).isEqualTo(1);
    }

    private static String rows(int from, int to) {
        return "groupId,clusterName,restoreJobId\n" + IntStream.rangeClosed(from, to).mapToObj(Targets::row)
                .collect(Collectors.joining("\n")) + "\n";
    }

    private List<String> outcomes(long instance) {
        return canceller().database().sql("SELECT OUTCOME FROM CANCELLATION_OUTCOME WHERE JOB_INSTANCE_ID = ? ORDER BY LINE_NUMBER")
                .param(instance).query(String.class).list();
    }

    private String detailOfLine(long instance, long line) {
        return canceller().database().sql("SELECT DETAIL FROM CANCELLATION_OUTCOME WHERE JOB_INSTANCE_ID = ? AND LINE_NUMBER = ?")
                .params(instance, line).query(String.class).single();
    }

    private static String realPath(Path file) {
        try {
            return file.toRealPath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
