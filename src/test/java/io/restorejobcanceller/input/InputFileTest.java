package io.restorejobcanceller.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {

    private static final String GROUP = "32b6e34b3d91647abb20e7b8";
    private static final String JOB = "65a1f0c2e4b0a1b2c3d4e5f6";

    @TempDir
    Path directory;

    @Test
    void toleratesBomCrlfBlankLinesCommentsQuotesAndPadding() {
        // given
        String content = "\uFEFF# comment before the header\r\n\r\n Note , RESTOREJOBID,clustername , GroupId\r\n"
                + "x," + JOB + ", Cluster0 ," + GROUP + "\r\n"
                + "   \r\n"
                + "  # indented comment\r\n"
                + "\"a, \"\"quoted\"\" note\",\"" + JOB + "\" , \"analytics-prod\"," + GROUP + "\n"
                + "last-line-without-newline," + JOB + ",c1," + GROUP;

        // when
        List<InputRow> rows = rows(content);

        // then
        assertThat(rows).containsExactly(
                new InputRow(4, GROUP, "Cluster0", JOB, null),
                new InputRow(7, GROUP, "analytics-prod", JOB, null),
                new InputRow(8, GROUP, "c1", JOB, null));
    }

    @Test
    void aShortOrMalformedLineBecomesARowWithItsProblem() {
        // when
        List<InputRow> rows = rows("groupId,clusterName,restoreJobId\n" + GROUP + ",Cluster0\n\"" + GROUP + ",x,y\n" + GROUP + "\"x,c,j\n");

        // then
        assertThat(rows).containsExactly(
                new InputRow(2, GROUP, "Cluster0", null, null),
                new InputRow(3, null, null, null, "unterminated quoted field"),
                new InputRow(4, GROUP + "\"x", "c", "j", null));
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        assertThat(rows("groupId,clusterName,restoreJobId\n\"" + GROUP + "\"x,c,j\n"))
                .containsExactly(new InputRow(2, null, null, null, "unexpected text after a closing quote"));
    }

    @Test
    void inspectCountsRowsAndHashesTheBytes() throws Exception {
        // given
        Path file = Files.writeString(directory.resolve("in.csv"), "groupId,clusterName,restoreJobId\n# c\n" + GROUP + ",c," + JOB + "\n\n");

        // when
        InputFile inspected = InputFile.inspect(file);

        // then
        assertThat(inspected.dataRows()).isEqualTo(1);
        assertThat(inspected.path()).isAbsolute();
        assertThat(inspected.sha256()).isEqualTo(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
    }

    @Test
    void aHeaderNamingAColumnTwiceIsRejected() throws Exception {
        Path file = Files.writeString(directory.resolve("in.csv"), "groupId,clusterName,restoreJobId,GROUPID\n");
        assertThatThrownBy(() -> InputFile.inspect(file)).isInstanceOf(InputFileException.class)
                .hasMessage("input file " + file.toAbsolutePath() + ": header names column groupId twice");
    }

    @Test
    void aDirectoryIsNotAnInputFile() {
        assertThatThrownBy(() -> InputFile.inspect(directory)).isInstanceOf(InputFileException.class)
                .hasMessageEndingWith("is not a regular file");
    }

    private List<InputRow> rows(String content) {
        List<InputRow> rows = new ArrayList<>();
        try (InputLines lines = new InputLines(Path.of("test.csv"), new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))) {
            for (InputRow row = lines.nextRow(); row != null; row = lines.nextRow()) {
                rows.add(row);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }
}
