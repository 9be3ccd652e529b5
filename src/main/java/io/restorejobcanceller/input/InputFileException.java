package io.restorejobcanceller.input;

import java.nio.file.Path;

/** The input file as a whole cannot be used: missing, unreadable, empty or with a bad header. */
public class InputFileException extends RuntimeException {

    public InputFileException(Path file, String problem) {
        super("input file " + file + ": " + problem);
    }

    public InputFileException(Path file, String problem, Throwable cause) {
        super("input file " + file + ": " + problem, cause);
    }
}
