package io.restorejobcanceller.query;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import io.restorejobcanceller.cli.ExitCode;
import io.restorejobcanceller.cli.OutputNotWrittenException;
import io.restorejobcanceller.cli.UsageException;
import io.restorejobcanceller.sending.HumanDuration;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code query "SELECT ..." [--format=table|csv|json]}: one read-only SELECT on the results database, so that an
 * auditor needs no database client. The database is opened read-only (H2) or queried in a read-only transaction that
 * is rolled back (PostgreSQL), for canceller.query.timeout at most; anything but a single SELECT that only reads
 * (see ReadOnlyQuery) is refused before it reaches the database.
 */
@Component
class QueryRunner {

    /** How long past its timeout a query that does not stop when cancelled may still hold the database. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final QueryExecution execution;
    private final JsonMapper json;
    private final Duration timeout;

    QueryRunner(QueryExecution execution, JsonMapper json, QueryProperties properties) {
        this.execution = execution;
        this.json = json;
        this.timeout = properties.timeout();
    }

    int run(QueryCommand options) {
        if (!options.format.forQueries()) {
            throw new UsageException("query prints as table, csv or json, not " + options.format.name().toLowerCase(Locale.ROOT));
        }
        if (options.sql.isBlank()) {
            throw new UsageException("query takes one SELECT statement, quoted as one argument");
        }
        PrintWriter out = OutputNotWrittenException.standardOutput();
        Thread deadline = new Thread(this::endIfStillRunning, "query-deadline");
        deadline.setDaemon(true);
        deadline.start();
        try {
            execution.query(options.sql, QueryOutput.of(options.format, out, json));
        } finally {
            deadline.interrupt();
        }
        OutputNotWrittenException.check(out);
        return ExitCode.OK;
    }

    /**
     * The database checks its timeout between rows; a single call that never returns (a regular expression that
     * backtracks for hours) is not stopped by it. This process only reads, so ending it is safe, and it frees the file.
     */
    private void endIfStillRunning() {
        try {
            Thread.sleep(timeout.plus(GRACE).toMillis());
        } catch (InterruptedException finished) {
            return;
        }
        System.err.println("error: the query ran past canceller.query.timeout (" + HumanDuration.of(timeout)
                + ") and did not stop when the database cancelled it; ended, nothing changed: narrow it");
        Runtime.getRuntime().halt(ExitCode.USAGE);
    }
}
