package io.restorejobcanceller.query;

import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;

/** A column value as the output formats show it: numbers and booleans as they are, everything else as text. */
final class QueryValues {

    private QueryValues() {
    }

    static Object plain(Object value) throws SQLException {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length()));
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return value.toString();
    }
}
