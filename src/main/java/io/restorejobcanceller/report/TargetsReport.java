package io.restorejobcanceller.report;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.outcome.OutcomeRecord;

/**
 * The selected rows as an input file ({@code groupId,clusterName,restoreJobId}) that {@code cancel} takes as a new
 * file, e.g. to send the {@code FAILED} rows of a night again. A comment line names the selection; {@code INVALID}
 * rows have no valid target to send and are left out, with a comment saying how many; a target
 * selected twice (say, from two nights) is listed once.
 */
final class TargetsReport {

    private TargetsReport() {
    }

    static void render(AuditReport report, PrintWriter out) {
        List<OutcomeRecord> whole = report.rows().stream().filter(r -> r.outcome() != Outcome.INVALID).toList();
        Set<List<String>> targets = new LinkedHashSet<>();
        whole.forEach(row -> targets.add(List.of(row.groupId(), row.clusterName(), row.restoreJobId())));
        out.print("# targets of " + TableReport.cell(report.selection().describeWithOutcomes()) + " in "
                + TableReport.cell(report.database()) + "\n");
        if (whole.size() < report.rows().size()) {
            out.print("# left out: " + (report.rows().size() - whole.size()) + " INVALID rows (no valid target to send)\n");
        }
        out.print("groupId,clusterName,restoreJobId\n");
        for (List<String> target : targets) {
            out.print(CsvReport.row(target) + "\n");
        }
    }
}
