package io.restorejobcanceller.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

import io.restorejobcanceller.atlas.CancellationTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which line first named each target, known of the file when it is inspected. */
class DuplicateLinesTest {

    private static final String GROUP = "32b6e34b3d91647abb20e7b8";
    private static final String OTHER_GROUP = "5e2211c17a3e5a48f5497de3";

    @TempDir
    Path directory;

    @Test
    void eachLineRepeatingAnEarlierTargetNamesTheFirstLineThatNamedIt() throws Exception {
        // given: comments, an invalid row and the same job id under another cluster and another project
        Path file = Files.writeString(directory.resolve("in.csv"), "groupId,clusterName,restoreJobId\n"
                + GROUP + ",Cluster0," + job(1) + "\n"        // 2
                + "# a comment\n"                              // 3
                + GROUP + ",Cluster0," + job(2) + "\n"        // 4
                + GROUP + ",Cluster0," + job(1) + "\n"        // 5: line 2
                + GROUP + ",Cluster1," + job(1) + "\n"        // 6: another cluster
                + OTHER_GROUP + ",Cluster0," + job(1) + "\n"  // 7: another project
                + GROUP + ",Cluster0,not-an-id\n"              // 8: invalid
                + GROUP + ",Cluster0,not-an-id\n"              // 9: invalid, never a duplicate
                + GROUP + ",Cluster0," + job(2) + "\n"        // 10: line 4
                + GROUP + ",Cluster0," + job(1) + "\n");      // 11: line 2

        // when
        DuplicateLines duplicates = InputFile.inspect(file).duplicates();

        // then
        assertThat(earlierLines(duplicates, 12)).isEqualTo(Map.of(5L, 2L, 10L, 4L, 11L, 2L));
        assertThat(duplicates.count()).isEqualTo(3);
    }

    @Test
    void aFingerprintCollisionNeverMakesANewTargetADuplicate() {
        // given: every target has the same fingerprint
        DuplicateLines.Finder finder = new DuplicateLines.Finder(target -> 42);
        CancellationTarget[] lines = {null, null, target(1), target(2), target(1), target(3), target(2)};

        // when
        for (int line = 2; line < lines.length; line++) {
            finder.met(lines[line]);
        }
        assertThat(finder.needsSecondPass()).isTrue();
        for (int line = 2; line < lines.length; line++) {
            finder.again(line, lines[line]);
        }

        // then
        assertThat(earlierLines(finder.lines(), lines.length)).isEqualTo(Map.of(4L, 2L, 6L, 3L));
    }

    @Test
    void aFileWithoutRepeatedFingerprintsIsReadOnce() {
        // given
        DuplicateLines.Finder finder = new DuplicateLines.Finder();
        LongStream.rangeClosed(1, 10_000).forEach(n -> finder.met(target(n)));

        // then: no second pass, which would fail without a first one
        assertThat(finder.needsSecondPass()).isFalse();
        assertThat(finder.lines().count()).isZero();
    }

    @Test
    void aJobWhoseFileThisProcessDidNotInspectInspectsItAndRefusesChangedContent() throws Exception {
        // given
        Path file = Files.writeString(directory.resolve("in.csv"), "groupId,clusterName,restoreJobId\n"
                + GROUP + ",Cluster0," + job(1) + "\n" + GROUP + ",Cluster0," + job(1) + "\n");
        String sha256 = InputFile.inspect(file).sha256();
        InputFiles fresh = new InputFiles();

        // when
        InputFile inspected = fresh.ofJob(file, sha256);

        // then
        assertThat(inspected.duplicates().earlierLine(3)).hasValue(2);
        assertThat(inspected.snapshot()).exists();
        Files.writeString(file, "groupId,clusterName,restoreJobId\n");
        assertThatThrownBy(() -> new InputFiles().ofJob(file, sha256)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("has changed since its job was started");
    }

    private static Map<Long, Long> earlierLines(DuplicateLines duplicates, long lines) {
        Map<Long, Long> found = new TreeMap<>();
        for (long line = 1; line <= lines; line++) {
            long at = line;
            duplicates.earlierLine(line).ifPresent(earlier -> found.put(at, earlier));
        }
        return found;
    }

    private static CancellationTarget target(long n) {
        return new CancellationTarget(GROUP, "Cluster0", job(n));
    }

    private static String job(long n) {
        return "%024x".formatted(0x65a1f0c2L * 1_000_000L + n);
    }
}
