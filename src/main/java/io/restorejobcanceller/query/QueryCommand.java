package io.restorejobcanceller.query;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.restorejobcanceller.cli.GlobalOptions;
import io.restorejobcanceller.cli.Version;
import io.restorejobcanceller.report.ReportFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true, versionProvider = Version.class, showDefaultValues = true,
        description = {"Runs one read-only SELECT on the results database (no database client needed).",
                "Anything but a single SELECT calling only pure functions is refused before it reaches the database;",
                "The database stops it after canceller.query.timeout."})
public final class QueryCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    private final QueryRunner runner;

    /** For parsing alone: help, version and usage errors are answered before Spring starts. */
    QueryCommand() {
        this(null);
    }

    QueryCommand(QueryRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        return runner.run(this);
    }

    @Parameters(index = "0", paramLabel = "SELECT", description = "The statement, quoted as one argument.")
    String sql;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", completionCandidates = QueryFormats.class,
            description = "table, csv or json.")
    ReportFormat format;

    /** The formats {@code query} prints in. */
    static final class QueryFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ReportFormat.values()).filter(ReportFormat::forQueries)
                    .map(f -> f.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
