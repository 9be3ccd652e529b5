package io.restorejobcanceller.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** The run's side of reading the default database during a run: its end, a killed run's socket, the directory's mode. */
class LiveAnswersTest {

    @TempDir
    Path data;
    private Path live;
    private Connection holding;
    private final CountDownLatch asked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean gated;
    private LiveAnswers answers;

    @BeforeEach
    void openTheRunsDatabase() throws SQLException {
        live = data.resolve(LiveSnapshot.DIRECTORY);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(DatabaseUrl.durable("jdbc:h2:file:" + data.resolve("canceller")));
        holding = h2.getConnection();
        try (Statement statement = holding.createStatement()) {
            statement.execute("CREATE TABLE CANCELLATION_OUTCOME(ID INT PRIMARY KEY)");
            statement.execute("INSERT INTO CANCELLATION_OUTCOME SELECT X FROM SYSTEM_RANGE(1, 250)");
        }
        answers = new LiveAnswers(new DelegatingDataSource(h2) {
            @Override
            public Connection getConnection() throws SQLException {
                if (gated) {
                    asked.countDown();
                    await(release);
                }
                return super.getConnection();
            }
        }, live.toString());
    }

    @AfterEach
    void close() throws SQLException {
        release.countDown();
        answers.stop();
        holding.close();
    }

    @Test
    void aRunEndingWhileItCopiesFinishesTheCopyBeforeItsDatabaseClosesAndThenAnswersNoMore() throws Exception {
        answers.start();
        gated = true;
        CompletableFuture<Optional<String>> report = CompletableFuture.supplyAsync(() -> LiveSnapshot.url(live, "canceller"));
        await(asked);
        CompletableFuture<Void> ending = CompletableFuture.runAsync(answers::stop);
        while (Files.exists(live.resolve(LiveSnapshot.SOCKET))) {
            Thread.sleep(10);
        }
        boolean endedBeforeTheCopy = ending.isDone();
        release.countDown();
        ending.get(60, TimeUnit.SECONDS);
        Optional<String> copy = report.get(60, TimeUnit.SECONDS);

        assertThat(endedBeforeTheCopy).as("the run's database stays open until the copy is made").isFalse();
        assertThat(copy).isPresent();
        assertThat(rows(copy.get())).isEqualTo(250);
        assertThat(LiveSnapshot.url(live, "canceller")).as("after the run, the file itself is read").isEmpty();
    }

    @Test
    void aSocketAKilledRunLeftIsRefusedByTheReportAndReplacedByTheNextRun() throws Exception {
        Files.createDirectories(live, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(live, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ServerSocketChannel killed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            killed.bind(UnixDomainSocketAddress.of(live.resolve(LiveSnapshot.SOCKET)));
        }
        assertThat(live.resolve(LiveSnapshot.SOCKET)).exists();
        assertThat(LiveSnapshot.url(live, "canceller")).isEmpty();

        answers.start();
        Optional<String> copy = LiveSnapshot.url(live, "canceller");

        assertThat(copy).isPresent();
        assertThat(rows(copy.get())).isEqualTo(250);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(live))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(live.resolve(LiveSnapshot.SOCKET)))).isEqualTo("rw-------");
    }

    private static long rows(String copy) throws SQLException {
        try (Connection connection = DriverManager.getConnection(DatabaseUrl.durable(DatabaseUrl.readOnly(copy)));
                ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM CANCELLATION_OUTCOME")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
