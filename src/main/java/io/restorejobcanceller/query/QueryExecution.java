package io.restorejobcanceller.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import io.restorejobcanceller.database.ResultsDatabase;

import org.springframework.stereotype.Component;

/** One read-only SELECT on the results database, rows passed on as they come. */
@Component
class QueryExecution {

    /** SQLSTATE of a statement the database cancelled (H2 and PostgreSQL alike): here, at the query timeout. */
    private static final String CANCELLED = "57014";

    private final DataSource dataSource;
    private final ResultsDatabase database;
    private final QueryProperties queries;

    QueryExecution(DataSource dataSource, ResultsDatabase database, QueryProperties queries) {
        this.dataSource = dataSource;
        this.database = database;
        this.queries = queries;
    }

    /**
     * Runs one SELECT that only reads (see {@link ReadOnlyQuery}) on a read-only connection, in a transaction that is
     * rolled back and for {@code canceller.query.timeout} at most, passing each row to the sink.
     *
     * @throws RefusedQueryException when the text is not a single SELECT that only reads, the database refuses it, or
     *                               it ran out of time
     */
    void query(String sql, QuerySink sink) {
        String checked = ReadOnlyQuery.checked(sql);
        database.requireResults();
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
