package io.restorejobcanceller.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.batch.infrastructure.item.file.LineCallbackHandler;
import org.springframework.batch.infrastructure.item.file.LineMapper;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;
import org.springframework.batch.infrastructure.item.file.transform.FieldSet;

/**
 * Reads the header (the first meaningful line) to find the three required columns by name, case-insensitively and
 * in any order, then maps each data line to an {@link InputRow} with Spring Batch's {@link DelimitedLineTokenizer}
 * (comma separated, double quotes with {@code ""} inside, values trimmed). A line that cannot be read as a row is
 * still a row, with its problem, so that it becomes an INVALID outcome.
 */
final class TargetLineMapper implements LineMapper<InputRow>, LineCallbackHandler {

    static final List<String> REQUIRED = List.of("groupId", "clusterName", "restoreJobId");
    /** What a header field must look like to be shown in an error message: never a line's raw content. */
    private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_ .-]{0,39}");

    private static final List<Map.Entry<String, String>> OTHER_SEPARATORS = List.of(Map.entry(";", "semicolons (;)"),
            Map.entry("\t", "tabs"), Map.entry("|", "vertical bars (|)"));

    private final Path file;
    private final DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer();
    private int[] columns;
    private InputLineReader lines;

    TargetLineMapper(Path file) {
        this.file = file;
        tokenizer.setStrict(false);
    }

    /** The line source whose lines this maps (it says when a line was too long to be kept whole). */
    InputLineReader readingFrom(InputLineReader lines) {
        this.lines = lines;
        return lines;
    }

    @Override
    public void handleLine(String header) {
        if (lines.lastLineWasCut() || unbalancedQuotes(header)) {
            throw new InputFileException(file, "header line is malformed (required: " + String.join(", ", REQUIRED) + ")");
        }
        FieldSet names = tokenizer.tokenize(header);
        int[] found = new int[REQUIRED.size()];
        List<String> missing = new ArrayList<>();
        for (int r = 0; r < REQUIRED.size(); r++) {
            found[r] = -1;
            for (int c = 0; c < names.getFieldCount(); c++) {
                if (names.readString(c).equalsIgnoreCase(REQUIRED.get(r))) {
                    if (found[r] >= 0) {
                        throw new InputFileException(file, "header names column " + REQUIRED.get(r) + " twice");
                    }
                    found[r] = c;
                }
            }
            if (found[r] < 0) {
                missing.add(REQUIRED.get(r));
            }
        }
        if (!missing.isEmpty()) {
            throw new InputFileException(file, "header lacks column " + String.join(", ", missing)
                    + " (" + describe(names) + "; required: " + String.join(", ", REQUIRED) + ")" + separatorHint(names, header));
        }
        columns = found;
    }

    /** Fails when the file has no header line at all. */
    void requireHeader() {
        if (columns == null) {
            throw new InputFileException(file, "is empty (a header line " + String.join(",", REQUIRED) + " is required)");
        }
    }

    @Override
    public InputRow mapLine(String line, int lineNumber) {
        if (lines.lastLineWasCut()) {
            return new InputRow(lineNumber, null, null, null, "line is longer than " + InputLineReader.MAX_LINE_LENGTH + " characters");
        }
        if (unbalancedQuotes(line)) {
            return new InputRow(lineNumber, null, null, null, "unterminated quoted field");
        }
        FieldSet fields = tokenizer.tokenize(line);
        return new InputRow(lineNumber, field(fields, columns[0]), field(fields, columns[1]), field(fields, columns[2]), null);
    }

    private static String field(FieldSet fields, int column) {
        return column < fields.getFieldCount() ? fields.readString(column) : null;
    }

    /** A quoted field may not span lines: one record per physical line keeps LINE_NUMBER exact. */
    private static boolean unbalancedQuotes(String line) {
        return line.chars().filter(c -> c == '"').count() % 2 != 0;
    }

    /** A file separated by something else than commas (a spreadsheet's semicolons, tabs) has a header of one field. */
    private static String separatorHint(FieldSet names, String header) {
        if (names.getFieldCount() != 1) {
            return "";
        }
        return OTHER_SEPARATORS.stream().filter(separator -> header.contains(separator.getKey())).findFirst()
                .map(separator -> "; its columns are separated by " + separator.getValue()
                        + ": save it as CSV, separated by commas (" + String.join(",", REQUIRED) + ")")
                .orElse("");
    }

    private static String describe(FieldSet names) {
        List<String> shown = new ArrayList<>();
        int hidden = 0;
        for (int c = 0; c < names.getFieldCount(); c++) {
            String name = names.readString(c);
            if (COLUMN_NAME.matcher(name).matches() && shown.size() < 10) {
                shown.add(name);
            } else {
                hidden++;
            }
        }
        String found = shown.isEmpty() ? "found no column names" : "found: " + String.join(", ", shown);
        return hidden == 0 ? found : found + " and " + hidden + " other field" + (hidden == 1 ? "" : "s");
    }
}
