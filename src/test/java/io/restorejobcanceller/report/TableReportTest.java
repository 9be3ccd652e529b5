package io.restorejobcanceller.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @Test
    void twoProseColumnsGiveUpCharactersTheWidestFirst() {
        // given: an example of 30 characters and a detail of 20, 12 characters too wide together
        List<List<String>> rows = List.of(List.of("CODE", "EXAMPLE", "DETAIL"),
                List.of("X", "e".repeat(30), "d".repeat(20)));

        // when
        List<String> lines = fitted(rows, 46);

        // then: the example gives up 10 to be as narrow as the detail, then each gives up one
        assertThat(lines.get(1)).isEqualTo("X     " + "e".repeat(18) + "…  " + "d".repeat(18) + "…");
        assertThat(lines.get(1)).hasSize(46);
    }

    @Test
    void idsAndCodesAreWholeEvenWhenTheLineIsThenWiderThanAsked() {
        // given
        List<List<String>> rows = List.of(List.of("GROUP_ID", "RESTORE_JOB_ID", "ERROR_CODE", "DETAIL"),
                List.of("32b6e34b3d91647abb20e7b8", "6a1b2c3d4e5f60718293a4b5", "CANNOT_CANCEL_AUTOMATED_RESTORE",
                        "Only manual download restore jobs can be cancelled."));

        // when
        List<String> lines = fitted(rows, 20);

        // then: only the detail is cut, and not below its floor of 12
        assertThat(lines.get(1)).isEqualTo("32b6e34b3d91647abb20e7b8  6a1b2c3d4e5f60718293a4b5  CANNOT_CANCEL_AUTOMATED_RESTORE"
                + "  Only manual…");
    }

    @Test
    void proseIsNeverCutBelowTwelveCharacters() {
        // given
        List<List<String>> rows = List.of(List.of("CODE", "DETAIL"), List.of("X", "0123456789ab"));
        List<List<String>> longHeading = List.of(List.of("EXAMPLE"), List.of("an example of some length"));

        // then
        assertThat(fitted(rows, 5).get(1)).isEqualTo("X     0123456789ab");
        assertThat(fitted(longHeading, 3)).containsExactly("EXAMPLE", "an example …");
    }

    @ParameterizedTest(name = "fit({0}, {1}) = {2}")
    @CsvSource({"abcdef, 6, abcdef", "abcdef, 7, abcdef", "abcdef, 5, abcd…", "abcdef, 1, …", "abcdef, 0, …"})
    void aTextThatDoesNotFitEndsWithAnEllipsisWithinTheWidth(String text, int width, String fitted) {
        assertThat(TableReport.fit(text, width)).isEqualTo(fitted);
    }

    @Test
    void aCellIsOneLineHarmlessToATerminal() {
        assertThat(TableReport.cell(null)).isEqualTo("-");
        assertThat(TableReport.cell("two\n\tlines  here")).isEqualTo("two lines here");
        assertThat(TableReport.cell("\u001b[31mred\u001b[0m")).isEqualTo("\\u001b[31mred\\u001b[0m");
        assertThat(TableReport.cell("abc\u202Edef\r\u0000")).isEqualTo("abc\\u202edef\\u000d\\u0000");
    }
}
