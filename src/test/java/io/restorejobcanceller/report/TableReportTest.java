package io.restorejobcanceller.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

class TableReportTest {

    private static List<String> fitted(List<List<String>> rows, int width) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            TableReport.printFitted(rows, out, width);
        }
        return text.toString().lines().toList();
    }

    @Test
    void aNarrowTableCutsTheDetailNeverACodeOrAFileSoThatTwoValuesNeverLookTheSame() {
        // given: two error codes and two files that differ only at their ends
        List<List<String>> rows = List.of(
                List.of("FILE", "ERROR_CODE", "DETAIL"),
                List.of("/tmp/newcomer/nights/2026-12-01.csv", "CANNOT_CANCEL_RESTORE_JOB_ALREADY_DONE",
                        "The restore job has already finished and cannot be cancelled any more."),
                List.of("/tmp/newcomer/nights/2026-12-02.csv", "CANNOT_CANCEL_RESTORE_JOB_AUTOMATED",
                        "Only manual download restore jobs can be cancelled by this endpoint."));

        // when
        List<String> lines = fitted(rows, 60);

        // then
        assertThat(lines.get(1)).contains("/tmp/newcomer/nights/2026-12-01.csv", "CANNOT_CANCEL_RESTORE_JOB_ALREADY_DONE")
                .endsWith("…");
        assertThat(lines.get(2)).contains("/tmp/newcomer/nights/2026-12-02.csv", "CANNOT_CANCEL_RESTORE_JOB_AUTOMATED");
        assertThat(lines.get(1).indexOf("The restore")).isEqualTo(lines.get(2).indexOf("Only manual"));
    }

    @Test
    void aWideEnoughTableCutsNothing() {
        // given
        List<List<String>> rows = List.of(List.of("ERROR_CODE", "DETAIL"), List.of("RESOURCE_NOT_FOUND", "gone for good"));

        // when
        List<String> lines = fitted(rows, 200);

        // then
        assertThat(lines).containsExactly("ERROR_CODE          DETAIL", "RESOURCE_NOT_FOUND  gone for good");
    }

    @Test
    void theDetailGivesUpCharactersDownToTwelveToFitTheWidth() {
        // given
        List<List<String>> rows = List.of(List.of("CODE", "DETAIL"), List.of("X", "a detail of forty characters, give or take"));

        // when
        List<String> lines = fitted(rows, 30);

        // then
        assertThat(lines.get(1)).hasSize(30).endsWith("…").startsWith("X     a detail");
        assertThat(fitted(rows, 5).get(1)).isEqualTo("X     a detail of…");
    }
}
