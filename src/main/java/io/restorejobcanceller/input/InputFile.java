package io.restorejobcanceller.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.core.io.FileSystemResource;

/**
 * An input file checked end to end before the job starts, so that a broken file fails before any DELETE:
 * readable, UTF-8, with a usable header. It is known by its real path (symbolic links resolved: the same file under
 * another name is the same job instance) and its SHA-256. What the job reads is a private snapshot of the bytes that
 * were hashed ({@link InputSnapshots}), so a file rewritten during the run cannot be read under the old hash; what
 * is known of its rows (their projects, the lines that repeat an earlier line's target) is known of that snapshot.
 */
public record InputFile(Path path, String sha256, long dataRows, RowsPerProject rowsPerProject, DuplicateLines duplicates,
                        Path snapshot) {

    /**
     * How many projects and clusters the valid rows name, counted up to {@link #COUNTED} of each, and how many valid
     * rows each project has (rows that a run would send, duplicates included).
     */
    public record RowsPerProject(int clusters, Map<String, Long> validRows) {

        public static final int COUNTED = 100_000;

        public int projects() {
            return validRows.size();
        }

        /** The valid rows of each project the filter lets through. */
        public Map<String, Long> validRowsIn(Predicate<String> project) {
            return validRows.entrySet().stream().filter(e -> project.test(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        /** The valid rows of the projects the filter lets through, in all. */
        public long validRowsOf(Predicate<String> project) {
            return validRowsIn(project).values().stream().mapToLong(Long::longValue).sum();
        }

        public String describe() {
            return count(projects(), "project") + " (" + count(clusters, "cluster") + ")";
        }

        private static String count(int n, String what) {
            return (n >= COUNTED ? "more than " + COUNTED : String.valueOf(n)) + " " + what + (n == 1 ? "" : "s");
        }
    }

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
        Set<List<String>> clusters = new HashSet<>();
        Map<String, Long> validRows = new HashMap<>();
        TargetValidator validator = new TargetValidator();
        DuplicateLines.Finder duplicates = new DuplicateLines.Finder();
        long rows = readRows(path, snapshot, row -> {
            CheckedRow checked = validator.process(row);
            if (!checked.isValid()) {
                return;
            }
            duplicates.met(checked.target());
            if (validRows.size() < RowsPerProject.COUNTED || validRows.containsKey(row.groupId())) {
                validRows.merge(row.groupId(), 1L, Long::sum);
            }
            if (clusters.size() < RowsPerProject.COUNTED) {
                clusters.add(List.of(row.groupId(), row.clusterName()));
            }
        });
        if (duplicates.needsSecondPass()) {
            readRows(path, snapshot, row -> {
                CheckedRow checked = validator.process(row);
                if (checked.isValid()) {
                    duplicates.again(row.lineNumber(), checked.target());
                }
            });
        }
        return new InputFile(path, sha256, rows, new RowsPerProject(clusters.size(), validRows), duplicates.lines(), snapshot);
    }

    /** Reads the snapshot's data rows as the job will read them, and counts them: a broken file fails here, before any DELETE. */
    private static long readRows(Path path, Path snapshot, Consumer<InputRow> each) {
        long rows = 0;
        TargetCsvReader reader = new TargetCsvReader(path, new FileSystemResource(snapshot));
        try {
            reader.open(new ExecutionContext());
            for (InputRow row = reader.read(); row != null; row = reader.read()) {
                each.accept(row);
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
