package io.restorejobcanceller.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.input.CheckedRow;
import io.restorejobcanceller.input.InputRow;
import io.restorejobcanceller.outcome.OutcomeRepository;
import org.junit.jupiter.api.Test;

import org.springframework.batch.test.MetaDataInstanceFactory;

/** The duplicate check against an in-memory stand-in of the results table that counts the rows each lookup reads. */
class DuplicateCheckTest {

    private final RecordedTargets table = new RecordedTargets();
    private final DuplicateCheck check = new DuplicateCheck(MetaDataInstanceFactory.createStepExecution(), table);

    @Test
    void aTargetMetAgainNamesItsFirstLineInsideAChunkAndAcrossChunks() {
        CancellationTarget a = target(1);
        assertThat(checkAndRecord(2, a)).isEmpty();
        assertThat(checkAndRecord(3, target(2))).isEmpty();
        assertThat(checkAndRecord(4, a)).hasValue(2);
        check.newChunk();
        assertThat(checkAndRecord(5, a)).hasValue(2);
        assertThat(checkAndRecord(6, target(3))).isEmpty();
    }

    @Test
    void thirtyThousandIdenticalRowsReadEachEarlierRowOnceAtMost() {
        CancellationTarget same = target(7);
        for (long line = 2; line <= 30_001; line++) {
            if (line % 1_000 == 0) {
                check.newChunk();
            }
            checkAndRecord(line, same);
        }
        // a search of all earlier rows per duplicate would read about 450 million rows
        assertThat(table.rowsRead).isLessThan(3 * 30_000);
    }

    @Test
    void aRestartFindsTheFirstLineRecordedByTheEarlierExecution() {
        table.rows.put(2L, target(1));
        assertThat(checkAndRecord(9, target(1))).hasValue(2);
    }

    private OptionalLong checkAndRecord(long line, CancellationTarget target) {
        OptionalLong earlier = check.earlierLine(CheckedRow.valid(
                new InputRow(line, target.groupId(), target.clusterName(), target.restoreJobId(), null)));
        table.rows.put(line, target);
        return earlier;
    }

    private static CancellationTarget target(int n) {
        return new CancellationTarget("32b6e34b3d91647abb20e7b8", "Cluster0", String.format("%024x", n));
    }

    /** The lookups the check makes, over a map from line to target, counting the rows each one reads. */
    private static final class RecordedTargets extends OutcomeRepository {

        final TreeMap<Long, CancellationTarget> rows = new TreeMap<>();
        long rowsRead;

        RecordedTargets() {
            super(null, null);
        }

        @Override
        public Optional<CancellationTarget> targetAtLine(long jobInstanceId, long lineNumber) {
            rowsRead++;
            return Optional.ofNullable(rows.get(lineNumber));
        }

        @Override
        public OptionalLong earlierLineWithTarget(long jobInstanceId, CancellationTarget target, long beforeLine) {
            OptionalLong first = OptionalLong.empty();
            for (var row : rows.entrySet()) {
                if (row.getValue().equals(target)) {
                    rowsRead++;
                    first = first.isPresent() ? first : OptionalLong.of(row.getKey());
                }
            }
            return first.isPresent() && first.getAsLong() < beforeLine ? first : OptionalLong.empty();
        }

        @Override
        public void forEachRecordedTarget(long jobInstanceId, Consumer<CancellationTarget> consumer) {
            rows.values().forEach(consumer);
        }
    }
}
