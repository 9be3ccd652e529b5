package io.restorejobcanceller.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Private copies of the input files this process runs, named by their SHA-256, in a directory only this user can
 * read (created with owner-only permissions) and removed when the process ends. The job reads a snapshot, never the
 * original file, so that what it reads is exactly what was hashed and counted.
 */
final class InputSnapshots {

    private static Path directory;

    private InputSnapshots() {
    }

    static Path newCopy() throws IOException {
        Path copy = Files.createTempFile(directory(), "input-", ".partial");
        copy.toFile().deleteOnExit();
        return copy;
    }

    static Path keep(Path copy, String sha256) throws IOException {
        Path snapshot = directory().resolve(sha256 + ".csv");
        Files.move(copy, snapshot, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        snapshot.toFile().deleteOnExit();
        return snapshot;
    }

    private static synchronized Path directory() {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("restore-job-canceller-inputs-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a private directory for input snapshots", e);
            }
            directory.toFile().deleteOnExit();
        }
        return directory;
    }
}
