package io.restorejobcanceller.report;

import java.time.Instant;

/**
 * A {@code find} as the view {@code FIND_RUN} shows it: when, with which scope and filters, the restore jobs it saw,
 * listed and left out, where it wrote its file and the file's SHA-256, and how it ended.
 */
record FindRun(long executionId, Instant startedAt, String scope, String filters, Long seen, Long listed, Long leftOut,
               String output, String sha256, String status, String exitCode) {
}
