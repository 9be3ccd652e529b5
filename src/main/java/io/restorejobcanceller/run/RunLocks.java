package io.restorejobcanceller.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Database row locks that say whether a live process is running a job instance. The lock is a row of
 * CANCELLER_RUN_LOCK held with {@code SELECT ... FOR UPDATE NOWAIT} in a transaction kept open on a connection of
 * its own for the whole run: when the process ends, normally or by {@code kill -9}, the database ends the session
 * and the lock with it. So "locked" means "running", never a guess from the age of an execution.
 */
@Component
class RunLocks {

    /** PostgreSQL's lock_not_available, H2's lock timeout. */
    private static final Set<String> BUSY_SQL_STATES = Set.of("55P03", "HYT00");
    private static final int H2_LOCK_TIMEOUT = 50200;

    private final DataSource dataSource;

    public RunLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock of this key, or empty when another live run holds it. */
    public Optional<RunLock> tryAcquire(String key) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO CANCELLER_RUN_LOCK (LOCK_KEY) "
                    + "SELECT CAST(? AS VARCHAR(64)) WHERE NOT EXISTS (SELECT 1 FROM CANCELLER_RUN_LOCK WHERE LOCK_KEY = ?)")) {
                insert.setString(1, key);
                insert.setString(2, key);
                insert.executeUpdate();
            } catch (SQLException raceWithAnotherInsert) {
                // the row exists now either way
            }
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT LOCK_KEY FROM CANCELLER_RUN_LOCK WHERE LOCK_KEY = ? FOR UPDATE NOWAIT")) {
                lock.setString(1, key);
                lock.executeQuery().close();
            }
            return Optional.of(new RunLock(connection));
        } catch (SQLException e) {
            connection.close();
            if (BUSY_SQL_STATES.contains(e.getSQLState()) || e.getErrorCode() == H2_LOCK_TIMEOUT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A held lock; closing it ends the transaction that holds it. */
    public static final class RunLock implements AutoCloseable {

        private final Connection connection;

        private RunLock(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }
}
