package io.restorejobcanceller.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Collectors;

import io.restorejobcanceller.cli.ExitCode;
import io.restorejobcanceller.cli.OutputNotWrittenException;
import io.restorejobcanceller.cli.Terminal;
import io.restorejobcanceller.cli.UsageException;
import io.restorejobcanceller.database.ResultsDatabase;

import org.springframework.stereotype.Component;

/**
 * {@code report [selection] [--outcome=...] [--by=...] [--format=...] [--output=FILE]}: the audit report of the
 * results table (see {@link ReportSelection}), on standard output or into a file.
 */
@Component
class AuditReporter {

    /** The width of a table that does not go to a terminal. */
    private static final int DEFAULT_WIDTH = 120;

    private final ReportSelection selection;
    private final AuditQueries queries;
    private final ResultsDatabase database;
    private final ReportWriter writer;

    AuditReporter(ReportSelection selection, AuditQueries queries, ResultsDatabase database, ReportWriter writer) {
        this.selection = selection;
        this.queries = queries;
        this.database = database;
        this.writer = writer;
    }

    int run(ReportCommand options) throws IOException {
        database.requireResults();
        AuditSelection chosen = selection.of(options);
        ReportFormat format = options.format;
        AuditReport report = queries.load(chosen, format.groupings(chosen.by()), database.displayUrl());
        if (options.output == null) {
            PrintWriter out = OutputNotWrittenException.standardOutput();
            writer.write(format, report, out, Terminal.standardOutputWidth(DEFAULT_WIDTH));
            OutputNotWrittenException.check(out);
            return ExitCode.OK;
        }
        Path file = outputFile(options.output, options.force);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
            writer.write(format, report, out, DEFAULT_WIDTH);
            if (out.checkError()) {
                throw new OutputNotWrittenException("could not write the report to " + file + " (disk full?)");
            }
        }
        System.out.println("Wrote the report of " + report.selection().describe() + " in " + report.database() + " to " + file
                + ": " + report.total() + " rows recorded, " + report.rows().size() + " of them listed (outcome "
                + report.selection().listed().stream().map(Enum::name).collect(Collectors.joining(", ")) + ")");
        return ExitCode.OK;
    }

    /** Where the report may be written: a new file, or an existing one with --force, never a directory or the database. */
    private Path outputFile(Path output, boolean force) throws IOException {
        Path file = output.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            throw new UsageException("--output names a directory (" + file + "); give a file name");
        }
        if (database.files().stream().anyMatch(f -> sameFile(f, file))) {
            throw new UsageException("--output names the results database itself (" + file + "); give another file");
        }
        if (Files.exists(file) && !force) {
            throw new UsageException(file + " exists; give another --output, or --force to overwrite it");
        }
        return file;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) ? Files.isSameFile(a, b) : a.equals(b);
        } catch (IOException e) {
            return a.equals(b);
        }
    }
}
