package io.restorejobcanceller.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.core.io.InputStreamResource;

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
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            TargetCsvReader reader = new TargetCsvReader(path, new InputStreamResource(in));
            try {
                reader.open(new ExecutionContext());
                while (reader.read() != null) {
                    rows++;
                }
            } finally {
                reader.close();
            }
        } catch (InputFileException e) {
            throw e;
        } catch (ItemStreamException e) {
            throw e.getCause() instanceof InputFileException problem ? problem
                    : new InputFileException(path, "cannot be read (" + e.getMessage() + ")", e);
        } catch (Exception e) {
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
