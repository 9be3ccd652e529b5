package io.restorejobcanceller.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.util.FileSystemUtils;

/**
 * How {@code report} and {@code query} read the default H2 file while a run holds it (H2 lets one process open a file):
 * they ask the run, over a Unix domain socket in a directory only this user can enter, for a copy made by H2's online
 * {@code BACKUP} (transactionally consistent: every committed row, nothing half-written), and read that copy read-only
 * as they read the file itself. The run receives no argument and runs no statement of theirs; see {@link LiveAnswers}.
 */
public final class LiveSnapshot {

    /** Under the default database's directory: the socket and the copies, mode 0700. */
    public static final String DIRECTORY = "live";
    /** Set by the settings for a run on the default database only (empty: nothing listens). */
    public static final String DIRECTORY_SETTING = "results-database.live-directory";
    static final String SOCKET = "run.sock";
    static final String PREFIX = "snapshot-";
    static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
    /** Longer than a copy takes (a 300 MB file: 2.5 s); a run that does not answer in it is left as today: "in use". */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final int LONGEST_ANSWER = 200;

    private LiveSnapshot() {
    }

    /**
     * The JDBC URL of a copy of the database {@code name} made just now by the run that holds it, if a run listens in
     * {@code directory}; empty when none does (no socket, or one a killed run left) or it does not answer.
     */
    public static Optional<String> url(Path directory, String name) {
        Path socket = directory.resolve(SOCKET);
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try {
            Optional<String> answer = ask(socket);
            if (answer.isEmpty() || !answer.get().matches(PREFIX + "[0-9a-f-]{36}\\.zip")) {
                return Optional.empty();
            }
            Path zip = directory.resolve(answer.get());
            Path copy = directory.resolve(answer.get().replace(".zip", ""));
            try {
                Files.createDirectory(copy);
                deleteAtExit(copy);
                extract(zip, name + ".mv.db", copy);
            } finally {
                Files.deleteIfExists(zip);
            }
            return Optional.of("jdbc:h2:file:" + copy.resolve(name));
        } catch (IOException | UncheckedIOException unanswered) {
            return Optional.empty(); // a killed run's socket refuses the connection: the file is free, or held by another program
        }
    }

    /** The private directory, made if absent, its mode set to 0700 if it is this user's. */
    static Path privateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PRIVATE));
        }
        Files.setPosixFilePermissions(directory, PRIVATE);
        return directory;
    }

    private static Optional<String> ask(Path socket) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX); Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer answer = ByteBuffer.allocate(LONGEST_ANSWER);
            long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
            while (answer.hasRemaining()) {
                long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (left <= 0) {
                    return Optional.empty();
                }
                selector.select(left);
                selector.selectedKeys().clear();
                if (channel.read(answer) < 0) {
                    break;
                }
            }
            String text = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
            return text.endsWith("\n") ? Optional.of(text.strip()) : Optional.empty();
        }
    }

    private static void extract(Path zip, String file, Path into) throws IOException {
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals(file)) {
                    Files.copy((InputStream) entries, into.resolve(file));
                    return;
                }
            }
        }
        throw new IOException(zip + " holds no " + file);
    }

    private static void deleteAtExit(Path copy) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(copy), "live-snapshot-cleanup"));
    }

    static void delete(Path tree) {
        try {
            FileSystemUtils.deleteRecursively(tree);
        } catch (IOException gone) {
            // deleted already, or by a later run's sweep
        }
    }
}
