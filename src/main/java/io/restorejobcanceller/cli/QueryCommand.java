package io.restorejobcanceller.cli;

import java.io.PrintWriter;
import java.util.Locale;

import io.restorejobcanceller.database.ResultsDatabase;
import io.restorejobcanceller.report.QueryOutput;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code query "SELECT ..." [--format=table|csv|json]}: one read-only SELECT on the results database, so that an
 * auditor needs no database client. The database is opened read-only (H2) or queried in a read-only transaction that
 * is rolled back (PostgreSQL), for canceller.query.timeout at most; anything but a single SELECT that only reads
 * (see ResultsDatabase#query) is refused before it reaches the database.
 */
@Component
class QueryCommand {

    private final ResultsDatabase database;
    private final JsonMapper json;

    QueryCommand(ResultsDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    int run(QueryOptions options) {
        if (!options.format.forQueries()) {
            throw new UsageException("query prints as table, csv or json, not " + options.format.name().toLowerCase(Locale.ROOT));
        }
        if (options.sql.isBlank()) {
            throw new UsageException("query takes one SELECT statement, quoted as one argument");
        }
        PrintWriter out = ReportNotWrittenException.standardOutput();
        database.query(options.sql, QueryOutput.of(options.format, out, json));
        ReportNotWrittenException.check(out);
        return ExitCode.OK;
    }
}
