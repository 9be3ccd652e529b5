package io.restorejobcanceller.report;

import java.time.Instant;
import java.util.Set;

import io.restorejobcanceller.outcome.Outcome;

/**
 * Which outcome rows a report covers: those of one job execution, or all recorded since an instant (or both), and
 * which outcomes are listed row by row (the summary always counts every outcome of the selection).
 */
public record AuditSelection(Long executionId, Instant since, Set<Outcome> listed) {

    public String describe() {
        String executions = executionId != null ? "job execution " + executionId : "all job executions";
        return executions + (since != null ? ", recorded since " + since : "");
    }
}
