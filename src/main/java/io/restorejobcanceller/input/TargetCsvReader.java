package io.restorejobcanceller.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the rows of the input CSV one at a time; restartable through the item count the step saves at each
 * commit (on restart the rows already read are read again and passed over, never held in memory).
 */
public class TargetCsvReader extends AbstractItemCountingItemStreamItemReader<InputRow> {

    private final Path file;
    private InputLines lines;

    public TargetCsvReader(Path file) {
        this.file = file;
        setName("targetCsvReader");
    }

    @Override
    protected void doOpen() throws IOException {
        lines = new InputLines(file, Files.newInputStream(file));
    }

    @Override
    protected InputRow doRead() {
        return lines.nextRow();
    }

    @Override
    protected void doClose() throws IOException {
        if (lines != null) {
            lines.close();
            lines = null;
        }
    }
}
