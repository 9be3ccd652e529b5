package io.restorejobcanceller.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The physical lines of an input file, for Spring Batch's {@code FlatFileItemReader}: strictly decoded UTF-8 (a
 * file that is not UTF-8 is refused, never read with replacement characters), a leading BOM dropped, any line end.
 * Blank lines and lines whose first non-blank character is {@code #} come back as {@link #COMMENT}, which the reader
 * passes over while still counting them, so that line numbers stay physical. A line is never held whole when it is
 * longer than {@link #MAX_LINE_LENGTH}: its start is kept and {@link #lastLineWasCut()} says so (BufferedReader's
 * own {@code readLine} would hold a 100 MB line in memory).
 */
final class InputLineReader extends BufferedReader {

    static final String COMMENT = "#";
    static final int MAX_LINE_LENGTH = 64 * 1024;
    private static final char BOM = '\uFEFF';

    private final Path file;
    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int end;
    private long lineNumber;
    private boolean lastLineWasCut;

    InputLineReader(Path file, InputStream bytes) {
        this(file, new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    private InputLineReader(Path file, Reader in) {
        super(in, 1);
        this.file = file;
        this.in = in;
    }

    @Override
    public String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        long length = 0;
        int c = next();
        if (c < 0) {
            return null;
        }
        lineNumber++;
        if (lineNumber == 1 && c == BOM) {
            c = next();
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (length++ < MAX_LINE_LENGTH) {
                line.append((char) c);
            }
            c = next();
        }
        if (c == '\r' && peek() == '\n') {
            next();
        }
        lastLineWasCut = length > MAX_LINE_LENGTH;
        String text = line.toString();
        String stripped = text.strip();
        return !lastLineWasCut && (stripped.isEmpty() || stripped.startsWith(COMMENT)) ? COMMENT : text;
    }

    /** Whether the line last returned was longer than {@link #MAX_LINE_LENGTH} and only its start was kept. */
    boolean lastLineWasCut() {
        return lastLineWasCut;
    }

    private int next() throws IOException {
        int c = peek();
        if (c >= 0) {
            position++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (position == end) {
            try {
                end = in.read(buffer, 0, buffer.length);
            } catch (CharacterCodingException e) {
                throw new InputFileException(file, "is not valid UTF-8 (on line " + Math.max(1, lineNumber) + ")", e);
            }
            position = 0;
            if (end <= 0) {
                end = 0;
                return -1;
            }
        }
        return buffer[position];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
