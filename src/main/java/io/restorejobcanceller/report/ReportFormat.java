package io.restorejobcanceller.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import io.restorejobcanceller.outcome.OutcomeRecord;

/**
 * The formats a report is rendered in: a table that fits the terminal and a self-contained HTML page for people,
 * CSV and JSON for machines, and {@code targets}, an input file of the selected rows for a new run.
 */
public enum ReportFormat {
    TABLE, CSV, JSON, HTML, TARGETS;

    /** The row columns CSV, JSON and HTML show, in order; values are numbers, booleans or strings as JSON shows them. */
    static final List<Column> COLUMNS = List.of(
            new Column("JOB_EXECUTION_ID", OutcomeRecord::jobExecutionId),
            new Column("JOB_INSTANCE_ID", OutcomeRecord::jobInstanceId),
            new Column("INPUT_FILE", OutcomeRecord::inputFile),
            new Column("LINE_NUMBER", OutcomeRecord::lineNumber),
            new Column("GROUP_ID", OutcomeRecord::groupId),
            new Column("CLUSTER_NAME", OutcomeRecord::clusterName),
            new Column("RESTORE_JOB_ID", OutcomeRecord::restoreJobId),
            new Column("OUTCOME", r -> r.outcome().name()),
            new Column("DRY_RUN", OutcomeRecord::dryRun),
            new Column("HTTP_STATUS", OutcomeRecord::httpStatus),
            new Column("ERROR_CODE", OutcomeRecord::errorCode),
            new Column("ATTEMPTS", OutcomeRecord::attempts),
            new Column("RECORDED_AT", r -> r.recordedAt().toString()),
            new Column("DETAIL", OutcomeRecord::detail));

    /** A column of the results table: its name there, and how a record's value is read. */
    record Column(String name, Function<OutcomeRecord, Object> value) {

        /** The value as text, {@code null} when absent. */
        String text(OutcomeRecord record) {
            Object v = value.apply(record);
            return v == null ? null : v.toString();
        }

        /** The name as a JSON key: {@code JOB_EXECUTION_ID} is {@code jobExecutionId}. */
        String jsonKey() {
            StringBuilder key = new StringBuilder();
            for (String word : name.toLowerCase(Locale.ROOT).split("_")) {
                key.append(key.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
            return key.toString();
        }
    }

    /** Whether {@code query} can print in this format (it has no report to make a page or an input file of). */
    public boolean forQueries() {
        return this == TABLE || this == CSV || this == JSON;
    }

    /** The groupings this format counts for a report grouped by {@code by} ({@code null}: the default). */
    public Set<Grouping> groupings(Grouping by) {
        Set<Grouping> groupings = EnumSet.of(by != null ? by : Grouping.ERROR_CODE);
        if (this == HTML) {
            groupings.addAll(List.of(Grouping.EXECUTION, Grouping.PROJECT, Grouping.ERROR_CODE));
        }
        return groupings;
    }
}
