package io.restorejobcanceller.database;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The run's side of {@link LiveSnapshot}: while a run (cancel, restart, schedule...) holds the default H2 file, each
 * connection to its socket gets the name of a fresh {@code BACKUP} of the database, and nothing else.
 *
 * <p>Chosen over H2's AUTO_SERVER, which would change the run's own connection (a TCP port, a key in the lock file,
 * no DB_CLOSE_ON_EXIT=FALSE, so SIGTERM closes the database under the job), and over answering report and query in
 * this process, which would run an operator's SELECT, its output and its --output file in the run: here the run reads
 * nothing from the socket and runs one fixed statement. The directory is 0700, so only this user connects.
 */
@Component
class LiveAnswers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveAnswers.class);
    /** A copy being made when the run ends is finished before the pool closes, if it takes no longer than this. */
    private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(30);
    /** Copies older than this are a killed report's, removed when a run starts. */
    private static final Duration FORGOTTEN = Duration.ofHours(1);

    private final DataSource dataSource;
    private final String directory;
    private volatile ServerSocketChannel server;
    private Thread answering;

    LiveAnswers(DataSource dataSource, @Value("${" + LiveSnapshot.DIRECTORY_SETTING + ":}") String directory) {
        this.dataSource = dataSource;
        this.directory = directory;
    }

    @Override
    public void start() {
        if (directory.isBlank()) {
            return;
        }
        Path live = Path.of(directory);
        try (Connection holding = dataSource.getConnection()) {
            // this process holds the H2 file, so a socket found here is a killed run's
            LiveSnapshot.privateDirectory(live);
            sweep(live);
            Path socket = live.resolve(LiveSnapshot.SOCKET);
            Files.deleteIfExists(socket);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | SQLException | RuntimeException e) {
            log.warn("report and query cannot read the results database while this run holds it: {}", e.toString());
            close();
            return;
        }
        answering = new Thread(() -> answer(live), "live-answers");
        answering.setDaemon(true);
        answering.start();
    }

    private void answer(Path live) {
        while (true) {
            try (SocketChannel asking = server.accept()) {
                String name = LiveSnapshot.PREFIX + UUID.randomUUID() + ".zip";
                Path copy = live.resolve(name);
                try (Connection connection = dataSource.getConnection(); Statement backup = connection.createStatement()) {
                    backup.execute("BACKUP TO '" + copy.toString().replace("'", "''") + "'");
                    asking.write(ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.US_ASCII)));
                } catch (SQLException | IOException | RuntimeException failed) {
                    log.debug("no copy for a report: {}", failed.toString());
                    Files.deleteIfExists(copy);
                }
            } catch (ClosedChannelException stopped) {
                return;
            } catch (IOException e) {
                log.debug("a report's connection failed: {}", e.toString());
            }
        }
    }

    private static void sweep(Path live) throws IOException {
        Instant before = Instant.now().minus(FORGOTTEN);
        try (Stream<Path> files = Files.list(live)) {
            files.filter(f -> f.getFileName().toString().startsWith(LiveSnapshot.PREFIX)).filter(f -> modifiedBefore(f, before))
                    .forEach(LiveSnapshot::delete);
        }
    }

    private static boolean modifiedBefore(Path file, Instant instant) {
        try {
            return Files.getLastModifiedTime(file).compareTo(FileTime.from(instant)) < 0;
        } catch (IOException gone) {
            return false;
        }
    }

    @Override
    public void stop() {
        close();
        if (answering != null) {
            try {
                answering.join(FINISH_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
            Files.deleteIfExists(Path.of(directory, LiveSnapshot.SOCKET));
        } catch (IOException e) {
            log.debug("the socket was not removed: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return server != null && server.isOpen();
    }
}
