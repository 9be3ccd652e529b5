package io.restorejobcanceller.outcome;

import java.time.Instant;

/** One row of the CANCELLATION_OUTCOME table. */
public record OutcomeRecord(
        long jobExecutionId,
        long jobInstanceId,
        String inputFile,
        long lineNumber,
        String groupId,
        String clusterName,
        String restoreJobId,
        Outcome outcome,
        Integer httpStatus,
        String errorCode,
        String detail,
        int attempts,
        Instant recordedAt) {
}
