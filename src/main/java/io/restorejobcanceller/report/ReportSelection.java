package io.restorejobcanceller.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.restorejobcanceller.cli.UsageException;
import io.restorejobcanceller.outcome.Outcome;

import org.springframework.stereotype.Component;

/**
 * Turns {@code report}'s options into a selection. Without {@code --execution}, {@code --instance}, {@code --file}
 * or {@code --since} it is the latest job instance, all its executions (restarts) included, so that the report
 * agrees with the summary the run printed. A named execution, instance or file that does not exist is a usage error,
 * not an empty report.
 */
@Component
class ReportSelection {

    private final AuditQueries queries;

    ReportSelection(AuditQueries queries) {
        this.queries = queries;
    }

    AuditSelection of(ReportCommand options) {
        Instant since = since(options.since);
        Long execution = execution(options.execution);
        Long instance = options.instance;
        if (instance != null && !queries.instanceExists(instance)) {
            throw new UsageException("there is no job instance " + instance);
        }
        String file = options.file == null ? null : inputFile(options.file);
        if (execution == null && instance == null && file == null && since == null) {
            instance = queries.latestInstanceId().orElse(null);
        }
        Grouping by = options.by == null ? null : Grouping.of(options.by).orElseThrow(() -> new UsageException(
                "--by is one of " + Grouping.allTyped() + ", not '" + options.by + "'"));
        return new AuditSelection(execution, instance, file, since, outcomes(options.outcome), by);
    }

    private Long execution(String value) {
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("latest")) {
            return queries.latestExecutionId().orElseThrow(() -> new UsageException("no job execution has recorded anything yet"));
        }
        long id;
        try {
            id = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--execution takes a job execution id or 'latest', not '" + value + "'");
        }
        if (!queries.executionExists(id)) {
            throw new UsageException("there is no job execution " + id);
        }
        return id;
    }

    /** The input file as runs record it: its real path when it still exists, else the path as given, made absolute. */
    private String inputFile(Path given) {
        Path path = given.toAbsolutePath().normalize();
        try {
            path = Files.exists(path) ? path.toRealPath() : path;
        } catch (IOException e) {
            // recorded paths are real paths; an unresolvable one is looked up as given
        }
        if (!queries.inputFileExists(path.toString())) {
            throw new UsageException("no run has recorded rows of the input file " + path);
        }
        return path.toString();
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
