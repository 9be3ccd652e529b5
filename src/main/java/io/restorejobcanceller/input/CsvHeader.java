package io.restorejobcanceller.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where the three required columns are, found case-insensitively in any order; other columns are ignored. */
record CsvHeader(int groupIdColumn, int clusterNameColumn, int restoreJobIdColumn) {

    static final List<String> REQUIRED = List.of("groupId", "clusterName", "restoreJobId");

    static CsvHeader parse(Path file, String line) {
        List<String> names;
        try {
            names = CsvLine.split(line);
        } catch (CsvLine.MalformedLineException e) {
            throw new InputFileException(file, "header line is malformed (" + e.getMessage() + ")");
        }
        int[] columns = new int[REQUIRED.size()];
        List<String> missing = new ArrayList<>();
        for (int r = 0; r < REQUIRED.size(); r++) {
            String wanted = REQUIRED.get(r).toLowerCase(Locale.ROOT);
            columns[r] = -1;
            for (int c = 0; c < names.size(); c++) {
                if (names.get(c).toLowerCase(Locale.ROOT).equals(wanted)) {
                    if (columns[r] >= 0) {
                        throw new InputFileException(file, "header names column " + REQUIRED.get(r) + " twice");
                    }
                    columns[r] = c;
                }
            }
            if (columns[r] < 0) {
                missing.add(REQUIRED.get(r));
            }
        }
        if (!missing.isEmpty()) {
            throw new InputFileException(file, "header lacks column " + String.join(", ", missing)
                    + " (found: " + String.join(", ", names) + "; required: " + String.join(", ", REQUIRED) + ")");
        }
        return new CsvHeader(columns[0], columns[1], columns[2]);
    }

    InputRow toRow(long lineNumber, String line) {
        List<String> fields;
        try {
            fields = CsvLine.split(line);
        } catch (CsvLine.MalformedLineException e) {
            return new InputRow(lineNumber, null, null, null, e.getMessage());
        }
        return new InputRow(lineNumber, field(fields, groupIdColumn), field(fields, clusterNameColumn),
                field(fields, restoreJobIdColumn), null);
    }

    private static String field(List<String> fields, int column) {
        return column < fields.size() ? fields.get(column) : null;
    }
}
