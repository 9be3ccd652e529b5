package io.restorejobcanceller.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.ByteArrayResource;

class InputFileTest {

    private static final String GROUP = "32b6e34b3d91647abb20e7b8";
    private static final String JOB = "65a1f0c2e4b0a1b2c3d4e5f6";

    @TempDir
    Path directory;

    @Test
    void toleratesBomCrlfBlankLinesCommentsQuotesAndPadding() throws Exception {
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
    void aShortOrMalformedLineBecomesARowWithItsProblem() throws Exception {
        // when
        List<InputRow> rows = rows("groupId,clusterName,restoreJobId\n" + GROUP + ",Cluster0\n\"" + GROUP + ",x,y\n" + GROUP + "\"x,c,j\n");

        // then
        assertThat(rows).containsExactly(
                new InputRow(2, GROUP, "Cluster0", null, null),
                new InputRow(3, null, null, null, "unterminated quoted field"),
                new InputRow(4, null, null, null, "unterminated quoted field"));
    }

    @Test
    void textAfterAClosingQuoteStaysInTheValueForTheValidatorToRefuse() throws Exception {
        assertThat(rows("groupId,clusterName,restoreJobId\n\"" + GROUP + "\"x,c,j\n"))
                .containsExactly(new InputRow(2, "\"" + GROUP + "\"x", "c", "j", null));
    }

    @Test
    void aLineTooLongToHoldIsARowWithItsProblemAndTheNextLineKeepsItsNumber() throws Exception {
        String huge = "x".repeat(InputLineReader.MAX_LINE_LENGTH * 3);
        assertThat(rows("groupId,clusterName,restoreJobId\n" + huge + "\r\n" + GROUP + ",c," + JOB + "\n")).containsExactly(
                new InputRow(2, null, null, null, "line is longer than " + InputLineReader.MAX_LINE_LENGTH + " characters"),
                new InputRow(3, GROUP, "c", JOB, null));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithTheLine() throws Exception {
        Path file = Files.write(directory.resolve("latin1.csv"), "groupId,clusterName,restoreJobId\nn\u00e9,c,j\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> InputFile.inspect(file)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("is not valid UTF-8");
    }

    @Test
    void aHeaderErrorNamesOnlyFieldsThatLookLikeColumnNames() throws Exception {
        Path file = Files.writeString(directory.resolve("environ"), "PATH=/usr/bin,MONGODB_ATLAS_ACCESS_TOKEN=s3cr3t-t0ken,groupId\n");
        assertThatThrownBy(() -> InputFile.inspect(file)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("lacks column clusterName, restoreJobId")
                .hasMessageContaining("found: groupId and 2 other fields")
                .hasMessageNotContaining("s3cr3t").hasMessageNotContaining("/usr/bin");
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path file = Files.writeString(directory.resolve("empty.csv"), "\n# only a comment\n");
        assertThatThrownBy(() -> InputFile.inspect(file)).isInstanceOf(InputFileException.class)
                .hasMessageEndingWith("is empty (a header line groupId,clusterName,restoreJobId is required)");
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
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
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

    private static List<InputRow> rows(String content) throws Exception {
        List<InputRow> rows = new ArrayList<>();
        var reader = new TargetCsvReader(Path.of("test.csv"), new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)));
        reader.open(new ExecutionContext());
        try {
            for (InputRow row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
        } finally {
            reader.close();
        }
        return rows;
    }
}
