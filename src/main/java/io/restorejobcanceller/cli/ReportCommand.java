package io.restorejobcanceller.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.restorejobcanceller.database.ResultsDatabase;
import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.report.AuditQueries;
import io.restorejobcanceller.report.AuditSelection;
import io.restorejobcanceller.report.ReportFormat;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code report [--execution=ID|latest] [--since=DATE] [--outcome=...] [--format=table|csv|json] [--output=FILE]}:
 * the audit report of the results table.
 */
@Component
class ReportCommand {

    private final AuditQueries queries;
    private final ResultsDatabase database;
    private final JsonMapper json;

    ReportCommand(AuditQueries queries, ResultsDatabase database, JsonMapper json) {
        this.queries = queries;
        this.database = database;
        this.json = json;
    }

    int run(ReportOptions options) throws IOException {
        database.requireResults();
        Instant since = since(options.since);
        Long executionId = executionId(options.execution, since);
        Set<Outcome> listed = outcomes(options.outcome);
        ReportFormat format = options.format;
        var report = queries.load(new AuditSelection(executionId, since, listed), database.displayUrl());
        if (options.output == null) {
            PrintWriter out = ReportNotWrittenException.standardOutput();
            format.render(report, out, json);
            ReportNotWrittenException.check(out);
            return ExitCode.OK;
        }
        Path file = outputFile(options.output, options.force);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
            format.render(report, out, json);
            if (out.checkError()) {
                throw new ReportNotWrittenException("could not write the report to " + file + " (disk full?)");
            }
        }
        System.out.println("Wrote " + report.rows().size() + " rows of " + report.database() + " to " + file);
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

    private Long executionId(String value, Instant since) {
        if (value == null && since != null) {
            return null;
        }
        if (value == null || value.equalsIgnoreCase("latest")) {
            return queries.latestExecutionId().stream().boxed().findFirst().orElse(null);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--execution takes a job execution id or 'latest', not '" + value + "'");
        }
    }

    private static Instant since(String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--since takes a date (2026-11-23, UTC) or a date-time with offset "
                    + "(2026-11-23T02:00:00Z), not '" + value + "'");
        }
    }

    private static Set<Outcome> outcomes(String value) {
        if (value == null) {
            return EnumSet.copyOf(Arrays.stream(Outcome.values()).filter(Outcome::needsAttention).toList());
        }
        if (value.equalsIgnoreCase("all")) {
            return EnumSet.allOf(Outcome.class);
        }
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        for (String name : value.split(",")) {
            try {
                outcomes.add(Outcome.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown outcome '" + name.strip() + "' (one of " + Arrays.toString(Outcome.values()) + " or all)");
            }
        }
        return outcomes;
    }

}
