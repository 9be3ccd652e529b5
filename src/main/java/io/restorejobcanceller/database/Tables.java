package io.restorejobcanceller.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** Whether a table (or view) exists in the connection's schema, whatever case the database keeps names in (H2: upper, PostgreSQL: lower). */
final class Tables {

    private Tables() {
    }

    static boolean exists(Connection connection, String name) throws SQLException {
        for (String spelling : new String[] {name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), spelling, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
