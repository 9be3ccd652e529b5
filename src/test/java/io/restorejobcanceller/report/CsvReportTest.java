package io.restorejobcanceller.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One CSV cell: never a formula when a spreadsheet opens it, and quoted as RFC 4180 asks. */
class CsvReportTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            =1+2                               | '=1+2
            +1                                 | '+1
            -1                                 | '-1
            @SUM(A1:A2)                        | '@SUM(A1:A2)
            CANNOT_CANCEL=1                    | CANNOT_CANCEL=1
            a-b                                | a-b
            Cluster0                           | Cluster0
            'quoted                            | 'quoted
            """)
    void aCellThatASpreadsheetWouldEvaluateIsShownAsText(String value, String cell) {
        assertThat(CsvReport.cell(value)).isEqualTo(cell);
    }

    @Test
    void aFormulaWithQuotesIsNeutralisedThenQuoted() {
        assertThat(CsvReport.cell("=HYPERLINK(\"http://evil.example\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
    }

    @Test
    void aTabOrACarriageReturnFirstIsNeutralisedToo() {
        assertThat(CsvReport.cell("\t=1+2")).isEqualTo("'\t=1+2");
        assertThat(CsvReport.cell("\r=1+2")).isEqualTo("\"'\r=1+2\"");
        assertThat(CsvReport.cell(" =1+2")).isEqualTo(" =1+2");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(CsvReport.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvReport.cell("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
        assertThat(CsvReport.cell("line 1\nline 2")).isEqualTo("\"line 1\nline 2\"");
        assertThat(CsvReport.cell("line 1\r\nline 2")).isEqualTo("\"line 1\r\nline 2\"");
        assertThat(CsvReport.cell("-1,2")).isEqualTo("\"'-1,2\"");
    }

    @Test
    void nothingIsAnEmptyCell() {
        assertThat(CsvReport.cell(null)).isEmpty();
        assertThat(CsvReport.cell("")).isEmpty();
    }

    @Test
    void aRowJoinsSafeCellsWithCommas() {
        assertThat(CsvReport.row(Arrays.asList(3, null, "=cmd|' /C calc'!A0", "a,b"))).isEqualTo("3,,'=cmd|' /C calc'!A0,\"a,b\"");
        assertThat(CsvReport.row(List.of())).isEmpty();
    }
}
