package io.restorejobcanceller.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one physical line into fields: comma separated, optionally double-quoted with {@code ""} as an
 * escaped quote, unquoted values trimmed. A quoted field may not span lines: no valid id contains a line
 * break, and keeping one record per line keeps line numbers exact for the audit.
 */
final class CsvLine {

    static final char BOM = '\uFEFF';

    private CsvLine() {
    }

    static boolean isSkippable(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() || stripped.startsWith("#");
    }

    static List<String> split(String line) throws MalformedLineException {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int length = line.length();
        while (true) {
            while (i < length && isBlank(line.charAt(i))) {
                i++;
            }
            if (i < length && line.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= length) {
                        throw new MalformedLineException("unterminated quoted field");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < length && line.charAt(i) == '"') {
                            value.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        value.append(c);
                    }
                }
                while (i < length && isBlank(line.charAt(i))) {
                    i++;
                }
                if (i < length && line.charAt(i) != ',') {
                    throw new MalformedLineException("unexpected text after a closing quote");
                }
                fields.add(value.toString());
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? length : comma;
                fields.add(line.substring(i, end).strip());
                i = end;
            }
            if (i >= length) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    static final class MalformedLineException extends Exception {
        MalformedLineException(String message) {
            super(message);
        }
    }
}
