package io.restorejobcanceller.input;

import io.restorejobcanceller.atlas.CancellationTarget;
/** An input row after validation: either a {@link CancellationTarget} or the reason it is invalid. */
public record CheckedRow(InputRow row, CancellationTarget target, String invalidReason) {

    public static CheckedRow valid(InputRow row) {
        return new CheckedRow(row, new CancellationTarget(row.groupId(), row.clusterName(), row.restoreJobId()), null);
    }

    public static CheckedRow invalid(InputRow row, String reason) {
        return new CheckedRow(row, null, reason);
    }

    public boolean isValid() {
        return target != null;
    }

    public long lineNumber() {
        return row.lineNumber();
    }
}
