package io.restorejobcanceller.input;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * The input files of this process: inspected once before their run is planned, and handed to the job that runs
 * them. A job whose file this process has not inspected (a restart in a fresh process, a job launched directly)
 * inspects it itself, and refuses it if its content is no longer the one the job was started with.
 */
@Component
public class InputFiles {

    private volatile InputFile last;

    /** Inspects the file ({@link InputFile#inspect}) and keeps it for its run. */
    public InputFile inspect(Path file) {
        InputFile inspected = InputFile.inspect(file);
        last = inspected;
        return inspected;
    }

    /** The file a job started with this path and SHA-256 reads. */
    public InputFile ofJob(Path file, String sha256) {
        InputFile known = last;
        if (known != null && known.sha256().equals(sha256) && Files.isRegularFile(known.snapshot())) {
            return known;
        }
        InputFile now = inspect(file);
        if (!now.sha256().equals(sha256)) {
            throw new InputFileException(file, "has changed since its job was started (sha256 " + sha256 + ", now "
                    + now.sha256() + "); run the new content as a new file");
        }
        return now;
    }
}
