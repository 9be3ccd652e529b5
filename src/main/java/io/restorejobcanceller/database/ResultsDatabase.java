package io.restorejobcanceller.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The results database as the reading commands see it: where it is, whether it holds results, read-only queries. */
@Component
public class ResultsDatabase {

    /** The commands that only read the results database, which they open read-only. */
    public static final Set<String> READING_COMMANDS = Set.of("report", "query");
    static final String RESULTS_TABLE = "CANCELLATION_OUTCOME";

    /** SQLSTATE of a statement the database cancelled (H2 and PostgreSQL alike): here, at the query timeout. */
    private static final String CANCELLED = "57014";

    private final DataSource dataSource;
    private final String url;
    private final QueryProperties queries;

    ResultsDatabase(DataSource dataSource, @Value("${spring.datasource.url}") String url, QueryProperties queries) {
        this.dataSource = dataSource;
        this.url = url;
        this.queries = queries;
    }

    /** The database's URL as it may be printed (no credentials). */
    public String displayUrl() {
        return DatabaseUrl.display(url);
    }

    /** The files of an H2 database (data, trace, lock): what a report must never overwrite. Empty for other databases. */
    public List<Path> files() {
        return DatabaseUrl.h2File(url).map(data -> {
            String base = data.toString().substring(0, data.toString().length() - ".mv.db".length());
            return List.of(data, Path.of(base + ".trace.db"), Path.of(base + ".lock.db"));
        }).orElse(List.of());
    }

    /** The JDBC URL as configured, for {@link DatabaseProblem#of}. */
    public String url() {
        return url;
    }

    /**
     * @throws NoResultsDatabaseException when the database has no results table: a report on it would say "nothing
     *                                    happened" about a database the runs never used
     */
    /** The column the latest migration added: present once the results table is as this version reads it. */
    private static final String NEWEST_COLUMN = "DRY_RUN";

    public void requireResults() {
        try (Connection connection = dataSource.getConnection()) {
            if (Tables.exists(connection, RESULTS_TABLE)) {
                if (!Tables.hasColumn(connection, RESULTS_TABLE, NEWEST_COLUMN)) {
                    throw new NoResultsDatabaseException(new DatabaseProblem(DatabaseProblem.Kind.MISSING, "the results database at "
                            + DatabaseUrl.display(url) + " was last written by an older version of this tool; the next "
                            + "'cancel' (a dry run will do) upgrades it, since report and query never write"));
                }
                return;
            }
        } catch (SQLException e) {
            throw DatabaseProblem.of(e, url).map(NoResultsDatabaseException::new).orElseThrow(() -> new IllegalStateException(e));
        }
        throw new NoResultsDatabaseException(DatabaseProblem.missing(url, " (the database has no results table)"));
    }

    /**
     * Runs one SELECT that only reads (see {@link ReadOnlyQuery}) on a read-only connection, in a transaction that is
     * rolled back and for {@code canceller.query.timeout} at most, passing each row to the sink.
     *
     * @throws RefusedQueryException when the text is not a single SELECT that only reads, the database refuses it, or
     *                               it ran out of time
     */
    public void query(String sql, QuerySink sink) {
        String checked = ReadOnlyQuery.checked(sql);
        requireResults();
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(checked)) {
                limitTime(connection, statement);
                try (ResultSet rows = statement.executeQuery()) {
                    read(rows, sink);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            if (CANCELLED.equals(e.getSQLState())) {
                throw new RefusedQueryException("the query ran longer than canceller.query.timeout (" + queries.timeoutSeconds()
                        + " s) and was stopped, nothing changed: narrow it (WHERE, LIMIT) or allow it more time, e.g."
                        + " --canceller.query.timeout=5m");
            }
            String message = e.getMessage() == null ? e.toString()
                    : e.getMessage().strip().lines().findFirst().orElse("").replaceFirst("; SQL statement:$", ""); // H2's own suffix
            throw new RefusedQueryException("the database refused the query: " + message);
        }
        sink.end();
    }

    /**
     * JDBC's timeout, which H2 enforces itself and the PostgreSQL driver by cancelling from this process; PostgreSQL
     * also gets its own statement_timeout, which holds even if this process is killed meanwhile.
     */
    private void limitTime(Connection connection, Statement statement) throws SQLException {
        statement.setQueryTimeout(queries.timeoutSeconds());
        if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            try (Statement set = connection.createStatement()) {
                set.execute("SET LOCAL statement_timeout = " + queries.timeoutSeconds() * 1000L);
            }
        }
    }

    private static void read(ResultSet rows, QuerySink sink) throws SQLException {
        ResultSetMetaData columns = rows.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            names.add(columns.getColumnLabel(i));
        }
        sink.columns(names);
        while (rows.next()) {
            List<Object> values = new ArrayList<>(names.size());
            for (int i = 1; i <= names.size(); i++) {
                values.add(QueryValues.plain(rows.getObject(i)));
            }
            sink.row(values);
        }
    }
}
