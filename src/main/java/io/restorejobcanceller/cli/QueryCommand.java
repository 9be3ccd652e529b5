package io.restorejobcanceller.cli;

import java.io.PrintWriter;
import java.util.List;

import io.restorejobcanceller.database.ResultsDatabase;
import io.restorejobcanceller.report.QueryOutput;
import io.restorejobcanceller.report.ReportFormat;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code query "SELECT ..." [--format=table|csv|json]}: one read-only SELECT on the results database, so that an
 * auditor needs no database client. The database is opened read-only (H2) or queried in a read-only transaction that
 * is rolled back (PostgreSQL); anything but a single SELECT is refused before it reaches the database.
 */
@Component
class QueryCommand {

    static final List<String> OPTIONS = List.of("format");
    static final String USAGE = "usage: java -jar restore-job-canceller.jar query \"SELECT ...\" [--format=table|csv|json]";

    private final ResultsDatabase database;
    private final JsonMapper json;

    QueryCommand(ResultsDatabase database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    int run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.size() != 2 || words.get(1).isBlank()) {
            throw new UsageException("query takes one SELECT statement, quoted as one argument; " + USAGE);
        }
        ReportFormat format = ReportCommand.format(CommandLine.option(args, "format"));
        PrintWriter out = ReportNotWrittenException.standardOutput();
        database.query(words.get(1), QueryOutput.of(format, out, json));
        ReportNotWrittenException.check(out);
        return ExitCode.OK;
    }
}
