package io.restorejobcanceller.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.core.io.FileSystemResource;

/**
 * An input file checked end to end before the job starts, so that a broken file fails before any DELETE:
 * readable, UTF-8, with a usable header. It is known by its real path (symbolic links resolved: the same file under
 * another name is the same job instance) and its SHA-256. What the job reads is a private snapshot of the bytes that
 * were hashed ({@link InputSnapshots}), so a file rewritten during the run cannot be read under the old hash.
 */
public record InputFile(Path path, String sha256, long dataRows, Path snapshot) {

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
        try {
            path = path.toRealPath();
        } catch (IOException e) {
            throw new InputFileException(path, "cannot be resolved (" + e.getMessage() + ")", e);
        }
        Path snapshot;
        String sha256;
        MessageDigest digest = newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            Path copy = InputSnapshots.newCopy();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            sha256 = HexFormat.of().formatHex(digest.digest());
            snapshot = InputSnapshots.keep(copy, sha256);
        } catch (IOException e) {
            throw new InputFileException(path, "cannot be read (" + e.getMessage() + ")", e);
        }
        return new InputFile(path, sha256, countRows(path, snapshot), snapshot);
    }

    /** The data rows of the snapshot, read as the job will read them: a broken file fails here, before any DELETE. */
    private static long countRows(Path path, Path snapshot) {
        long rows = 0;
        TargetCsvReader reader = new TargetCsvReader(path, new FileSystemResource(snapshot));
        try {
            reader.open(new ExecutionContext());
            while (reader.read() != null) {
                rows++;
            }
        } catch (InputFileException e) {
            throw e;
        } catch (ItemStreamException e) {
            throw e.getCause() instanceof InputFileException problem ? problem
                    : new InputFileException(path, "cannot be read (" + e.getMessage() + ")", e);
        } catch (Exception e) {
            throw new InputFileException(path, "cannot be read (" + e.getMessage() + ")", e);
        } finally {
            reader.close();
        }
        return rows;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
