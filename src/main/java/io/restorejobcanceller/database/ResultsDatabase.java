package io.restorejobcanceller.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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

    private final DataSource dataSource;
    private final String url;

    ResultsDatabase(DataSource dataSource, @Value("${" + DatabaseUrl.SHOWN + ":${" + DatabaseUrl.SETTING + "}}") String url) {
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

    /** The view the latest migration made (V7): present once the database is as this version reads it. */
    private static final String NEWEST = "FIND_RUN";

    /**
     * @throws NoResultsDatabaseException when the database has no results table: a report on it would say "nothing
     *                                    happened" about a database the runs never used
     */
    public void requireResults() {
        try (Connection connection = dataSource.getConnection()) {
            if (Tables.exists(connection, RESULTS_TABLE)) {
                if (!Tables.exists(connection, NEWEST)) {
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
}
