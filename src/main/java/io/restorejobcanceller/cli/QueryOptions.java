package io.restorejobcanceller.cli;

import io.restorejobcanceller.report.ReportFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true, versionProvider = Version.class, showDefaultValues = true,
        description = {"Runs one read-only SELECT on the results database (no database client needed).",
                "Anything but a single SELECT calling only pure functions is refused before it reaches the database;",
                "The database stops it after canceller.query.timeout."})
final class QueryOptions {

    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "SELECT", description = "The statement, quoted as one argument.")
    String sql;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", completionCandidates = ReportOptions.QueryFormats.class,
            description = "table, csv or json.")
    ReportFormat format;
}
