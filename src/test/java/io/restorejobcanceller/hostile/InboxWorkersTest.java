package io.restorejobcanceller.hostile;

import static io.restorejobcanceller.testing.Targets.path;
import static io.restorejobcanceller.testing.Targets.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.CancellerProcess;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Two {@code cancel DIR} processes on one inbox and one database, as two cron hosts or an overlapping night make. */
class InboxWorkersTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @Test
    void twoWorkersOnOneInboxRunEveryFileOnceAndBothSucceed() throws Exception {
        // given: a database both processes share, and an inbox whose first file takes a while
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        try {
            String shared = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + canceller.directory().resolve("shared").toAbsolutePath();
            canceller.with("--spring.datasource.url=" + shared).with("--canceller.atlas.read-timeout=60s");
            Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
            assertThat(canceller.run("cancel", inbox.toString())).isZero(); // the schema, made once
            inboxFile(inbox, "a.csv", 1);
            inboxFile(inbox, "b.csv", 2, 3);
            inboxFile(inbox, "c.csv", 4);
            atlas.answer(path(1), AtlasStub.cancelled().withFixedDelay(15_000));

            // when
            CancellerProcess first = canceller.start("cancel", inbox.toString());
            CancellerProcess second = canceller.start("cancel", inbox.toString());
            int firstExit = first.waitForExit(180);
            int secondExit = second.waitForExit(180);

            // then: one of them met a file the other held, left it, and neither calls that a failure
            List<String> output = new ArrayList<>(first.output());
            output.addAll(second.output());
            assertThat(output).anyMatch(line -> line.contains("is being run by another process; left to it"));
            assertThat(new int[] {firstExit, secondExit}).as("exit codes; output:%n%s", String.join("\n", output)).containsOnly(0);
            for (int n = 1; n <= 4; n++) {
                assertThat(atlas.deletesOf(path(n))).as("DELETEs of target %d", n).isEqualTo(1);
            }
            JdbcClient database = JdbcClient.create(new DriverManagerDataSource(shared, "sa", ""));
            assertThat(database.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION").query(String.class).list())
                    .containsExactly("COMPLETED", "COMPLETED", "COMPLETED");
            assertThat(database.sql("SELECT COUNT(*) FROM CANCELLATION_OUTCOME").query(Long.class).single()).isEqualTo(4);
        } finally {
            server.stop();
        }
    }

    private static void inboxFile(Path inbox, String name, int... targets) throws Exception {
        StringBuilder csv = new StringBuilder("groupId,clusterName,restoreJobId\n");
        for (int n : targets) {
            csv.append(row(n)).append('\n');
        }
        Path file = Files.writeString(inbox.resolve(name), csv);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
    }
}
