package io.restorejobcanceller.input;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Streams the meaningful lines of an input file: UTF-8 (strictly decoded, BOM dropped), any line ending,
 * blank lines and {@code #} comments passed over, physical line numbers kept. The first meaningful line is
 * the header.
 */
final class InputLines implements Closeable {

    private final Path file;
    private final BufferedReader reader;
    private final CsvHeader header;
    private long lineNumber;

    InputLines(Path file, InputStream in) {
        this.file = file;
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
        String headerLine = next();
        if (headerLine == null) {
            throw new InputFileException(file, "is empty (a header line groupId,clusterName,restoreJobId is required)");
        }
        this.header = CsvHeader.parse(file, headerLine);
    }

    /** The next data row, or {@code null} at the end of the file. */
    InputRow nextRow() {
        String line = next();
        return line == null ? null : header.toRow(lineNumber, line);
    }

    private String next() {
        try {
            String line;
            do {
                line = reader.readLine();
                if (line == null) {
                    return null;
                }
                lineNumber++;
                if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == CsvLine.BOM) {
                    line = line.substring(1);
                }
            } while (CsvLine.isSkippable(line));
            return line;
        } catch (CharacterCodingException e) {
            throw new InputFileException(file, "is not valid UTF-8 (after line " + lineNumber + ")", e);
        } catch (IOException e) {
            throw new InputFileException(file, "cannot be read after line " + lineNumber + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
