package io.restorejobcanceller.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

import io.restorejobcanceller.report.ReportFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class, showDefaultValues = true,
        description = "The audit report of the results table: counts per outcome and the rows selected.")
final class ReportOptions {

    @Mixin
    GlobalOptions global;

    @Option(names = "--execution", paramLabel = "ID|latest", description = "One job execution (default: the latest, "
            + "unless --since is given).")
    String execution;

    @Option(names = "--since", paramLabel = "DATE", description = "Rows recorded since a date (2026-11-23, UTC) or a "
            + "date-time with offset (2026-11-23T02:00:00Z).")
    String since;

    @Option(names = "--outcome", paramLabel = "OUTCOME,...|all", description = "The outcomes to list (default: those "
            + "needing attention: REJECTED, FAILED, INVALID).")
    String outcome;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", completionCandidates = Formats.class,
            description = "table, csv or json.")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to this file instead of standard output.")
    Path output;

    @Option(names = "--force", description = "Overwrite the --output file if it exists.")
    boolean force;

    /** The formats as they are typed, for shell completion. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ReportFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
