package io.restorejobcanceller.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Select;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The results database as the reading commands see it: where it is, whether it holds results, read-only queries. */
@Component
public class ResultsDatabase {

    static final String RESULTS_TABLE = "CANCELLATION_OUTCOME";

    private final DataSource dataSource;
    private final String url;

    ResultsDatabase(DataSource dataSource, @Value("${spring.datasource.url}") String url) {
        this.dataSource = dataSource;
        this.url = url;
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
     * Runs one SELECT on a read-only connection in a transaction that is rolled back, passing each row to the sink.
     *
     * @throws RefusedQueryException when the text is not a single SELECT, or the database refuses it
     */
    public void query(String sql, QuerySink sink) {
        requireSingleSelect(sql);
        requireResults();
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
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
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.toString()
                    : e.getMessage().strip().lines().findFirst().orElse("").replaceFirst("; SQL statement:$", ""); // H2's own suffix
            throw new RefusedQueryException("the database refused the query: " + message);
        }
        sink.end();
    }

    private static void requireSingleSelect(String sql) {
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql);
        } catch (JSQLParserException e) {
            throw new RefusedQueryException("query takes one SELECT statement; this one could not be read as SQL");
        }
        if (statements.size() != 1 || !(statements.get(0) instanceof Select)) {
            String got = statements.size() != 1 ? statements.size() + " statements"
                    : "a " + statements.get(0).getClass().getSimpleName().toUpperCase(Locale.ROOT) + " statement";
            throw new RefusedQueryException("query takes one SELECT statement and nothing else (it never changes the database), not " + got);
        }
    }
}
