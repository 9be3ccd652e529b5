package io.restorejobcanceller.input;

import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Streams the rows of the input CSV one at a time with Spring Batch's {@link FlatFileItemReader}: restartable
 * through the item count the step saves at each commit (on restart the rows already read are read again and passed
 * over, never held in memory). Its lines come from an {@link InputLineReader} and are mapped by a
 * {@link TargetLineMapper}, which takes the header.
 */
public class TargetCsvReader extends FlatFileItemReader<InputRow> {

    private final TargetLineMapper mapper;

    /** Reads the snapshot taken of the file, naming the file in its messages. */
    public static TargetCsvReader ofSnapshot(Path file, Path snapshot) {
        return new TargetCsvReader(file, new FileSystemResource(snapshot));
    }

    /** Reads the file's bytes from this resource (for example a stream that also hashes them). */
    TargetCsvReader(Path file, Resource bytes) {
        this(file, bytes, new TargetLineMapper(file));
    }

    private TargetCsvReader(Path file, Resource bytes, TargetLineMapper mapper) {
        super(bytes, mapper);
        this.mapper = mapper;
        setName("targetCsvReader");
        setLinesToSkip(1);
        setSkippedLinesCallback(mapper);
        setComments(new String[] {InputLineReader.COMMENT});
        setBufferedReaderFactory((resource, encoding) -> mapper.readingFrom(new InputLineReader(file, resource.getInputStream())));
    }

    @Override
    protected void doOpen() throws Exception {
        super.doOpen();
        mapper.requireHeader();
    }
}
