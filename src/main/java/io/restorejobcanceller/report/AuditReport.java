package io.restorejobcanceller.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRecord;

/**
 * A report: the database read, the selection, when its rows were recorded, its counts per outcome, its counts
 * grouped as asked (and as the HTML report's charts need), its rows whose outcome is listed, and, when grouped by
 * execution, the finds beside the runs.
 */
record AuditReport(String database, AuditSelection selection, Instant firstRecorded, Instant lastRecorded,
                          List<Group> summary, Map<Grouping, List<Group>> groups, List<OutcomeRecord> rows, List<FindRun> finds) {

    /**
     * Rows with the same key, outcome and kind of run; {@code example} is one of their details (the first in
     * alphabetical order), so that a count comes with the reason behind it.
     */
    public record Group(String key, Outcome outcome, boolean dryRun, long rows, String example) {
    }

    public Set<Outcome> listed() {
        return selection.listed();
    }

    public long total() {
        return summary.stream().mapToLong(Group::rows).sum();
    }

    public long dryRunRows() {
        return summary.stream().filter(Group::dryRun).mapToLong(Group::rows).sum();
    }

    /** Whether the rows come from dry runs: "dry run", "real run", or how many of each. */
    public String runKind() {
        long dry = dryRunRows();
        if (dry == 0) {
            return "real run (DELETEs sent)";
        }
        return dry == total() ? "dry run (nothing sent)" : dry + " of " + total() + " rows from dry runs (nothing sent for them)";
    }

    /** The groups of the grouping asked for ({@code --by}), or by default those of the rows needing attention by error code. */
    public List<Group> breakdown() {
        return groups.getOrDefault(breakdownGrouping(), List.of()).stream().filter(breakdownFilter()).toList();
    }

    public Grouping breakdownGrouping() {
        return selection.by() != null ? selection.by() : Grouping.ERROR_CODE;
    }

    private Predicate<Group> breakdownFilter() {
        return selection.by() != null ? group -> true : group -> group.outcome().needsAttention();
    }
}
