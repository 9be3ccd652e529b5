package io.restorejobcanceller.hostile;

import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.CancellerProcess;
import io.restorejobcanceller.testing.SilentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the start-up meets that never answers: a database gone silent, a key "file" that is a FIFO. Never a hang. */
class HostileStartUpTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void aDatabaseThatAcceptsAndNeverAnswersFailsTheStartWithOneLine() throws Exception {
        // given
        try (SilentServer database = new SilentServer()) {
            String url = "jdbc:postgresql://127.0.0.1:" + database.port() + "/canceller";
            Path input = canceller.file("in.csv", csv(2));

            // when
            CancellerProcess process = canceller.with("--spring.datasource.url=" + url).start("cancel", input.toString());
            int exitCode = process.waitForExit(120);

            // then: given up after the default login timeout, said in one line
            assertThat(database.acceptedConnections()).isPositive();
            assertThat(exitCode).isEqualTo(2);
            assertThat(process.output()).containsExactly("error: the results database " + url
                    + " cannot be reached: Connection attempt timed out. (is spring.datasource.url right, and its server up?)");
            assertThat(canceller.atlas().requests()).isEmpty();
        }
    }

    @Test
    void aPrivateKeyFileThatIsAFifoIsRefusedWithOneLineNamingIt() throws Exception {
        // given: a FIFO nobody writes to, which a read would wait on for good
        Path fifo = canceller.directory().resolve("private-key");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path input = canceller.file("in.csv", csv(2));

        // when
        CancellerProcess process = canceller.env("MONGODB_ATLAS_PUBLIC_API_KEY", "public-key")
                .env("CANCELLER_ATLAS_PRIVATE_KEY_FILE", fifo.toString()).start("cancel", input.toString());
        int exitCode = process.waitForExit(60);

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(process.output()).containsExactly(
                "error: canceller.atlas.private-key-file: " + fifo + " is not a regular file");
        assertThat(canceller.atlas().requests()).isEmpty();
    }
}
