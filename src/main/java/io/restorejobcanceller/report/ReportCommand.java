package io.restorejobcanceller.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.restorejobcanceller.cli.GlobalOptions;
import io.restorejobcanceller.cli.Version;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class, showDefaultValues = true,
        description = {"The audit report of the results table: what was selected, counts per outcome, why rows need "
                + "attention, and the rows themselves.", "Selections combine: --file, --instance, --execution, --since."})
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    private final AuditReporter reporter;

    /** For parsing alone: help, version and usage errors are answered before Spring starts. */
    ReportCommand() {
        this(null);
    }

    ReportCommand(AuditReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public Integer call() throws Exception {
        return reporter.run(this);
    }

    @Option(names = "--execution", paramLabel = "ID|latest", description = "One job execution.")
    String execution;

    @Option(names = "--instance", paramLabel = "ID", description = "One job instance: a file's run, restarts included "
            + "(default, when no selection is given: the latest, as the run's summary counted it).")
    Long instance;

    @Option(names = "--file", paramLabel = "PATH", description = "Every run of this input file.")
    Path file;

    @Option(names = "--since", paramLabel = "DATE", description = "Rows recorded since a date (2026-11-23, UTC) or a "
            + "date-time with offset (2026-11-23T02:00:00Z).")
    String since;

    @Option(names = "--outcome", paramLabel = "OUTCOME,...|all", description = "The outcomes to list (default: those "
            + "needing attention: REJECTED, FAILED, INVALID).")
    String outcome;

    @Option(names = "--by", paramLabel = "GROUPING", completionCandidates = Groupings.class, description = "Count the "
            + "rows by outcome, error-code, project, cluster, execution or night (default: the rows needing attention by "
            + "error code, with an example detail).")
    String by;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", completionCandidates = Formats.class,
            description = "table, csv, json, html (one self-contained page) or targets (an input file of the listed "
                    + "rows, e.g. --format=targets --outcome=FAILED, for a new 'cancel').")
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

    static final class Groupings implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Grouping.values()).map(Grouping::typed).iterator();
        }
    }
}
