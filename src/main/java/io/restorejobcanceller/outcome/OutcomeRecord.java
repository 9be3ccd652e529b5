package io.restorejobcanceller.outcome;

import java.time.Instant;

/** One row of the CANCELLATION_OUTCOME table; {@code dryRun}: recorded by a dry run, nothing was sent for it. */
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
        Instant recordedAt,
        boolean dryRun) {
}
