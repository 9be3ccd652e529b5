package io.restorejobcanceller.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An input file checked end to end before the job starts, so that a broken file fails before any DELETE:
 * readable, UTF-8, with a usable header. Its SHA-256 identifies the job instance.
 */
public record InputFile(Path path, String sha256, long dataRows) {

    public static InputFile inspect(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new InputFileException(path, "does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw new InputFileException(path, "is not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new InputFileException(path, "is not readable by this user");
        }
        MessageDigest digest = newSha256();
        long rows = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest);
             InputLines lines = new InputLines(path, in)) {
            while (lines.nextRow() != null) {
                rows++;
            }
        } catch (IOException e) {
            throw new InputFileException(path, "cannot be read (" + e.getMessage() + ")", e);
        }
        return new InputFile(path, HexFormat.of().formatHex(digest.digest()), rows);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
