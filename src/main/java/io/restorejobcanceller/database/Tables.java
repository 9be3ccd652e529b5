package io.restorejobcanceller.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** Whether a table exists in the connection's schema, whatever case the database keeps names in (H2: upper, PostgreSQL: lower). */
final class Tables {

    private Tables() {
    }

    /** Whether the table has the column (a database migrated by an older version of the tool may lack it). */
    static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        for (String[] spelling : new String[][] {{table.toUpperCase(Locale.ROOT), column.toUpperCase(Locale.ROOT)},
                {table.toLowerCase(Locale.ROOT), column.toLowerCase(Locale.ROOT)}}) {
            try (ResultSet columns = connection.getMetaData().getColumns(null, connection.getSchema(), spelling[0], spelling[1])) {
                if (columns.next()) {
                    return true;
                }
            }
        }
        return false;
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
