package io.restorejobcanceller.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRecord;

/** A report: the database read, the counts per outcome of a selection, and its rows whose outcome is listed. */
public record AuditReport(String database, AuditSelection selection, Map<Outcome, Long> summary, List<OutcomeRecord> rows) {

    public Set<Outcome> listed() {
        return selection.listed();
    }
}
