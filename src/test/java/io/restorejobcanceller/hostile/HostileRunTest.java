package io.restorejobcanceller.hostile;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static io.restorejobcanceller.testing.Targets.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Runs a hostile operator or server would make: other paths, rewritten files, plain-http secrets, archives, bytes. */
@ExtendWith(OutputCaptureExtension.class)
class HostileRunTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();
    private static final int ROWS = 1000;

    @Test
    void aFileAlreadyDoneIsDoneUnderAnyPathThatLeadsToIt() throws Exception {
        // given
        Path input = canceller.file("in.csv", csv(5));
        assertThat(canceller.run("cancel", input.toString())).isZero();
        Path link = Files.createSymbolicLink(canceller.directory().resolve("link.csv"), input);
        Path linkedDirectory = Files.createSymbolicLink(canceller.directory().resolve("linked-dir"), canceller.directory());

        // when
        int viaLink = canceller.run("cancel", link.toString());
        int viaLinkedDirectory = canceller.run("cancel", linkedDirectory.resolve("in.csv").toString());
        int viaDots = canceller.run("cancel", canceller.directory().resolve("linked-dir/../in.csv").toString());

        // then
        assertThat(new int[] {viaLink, viaLinkedDirectory, viaDots}).containsOnly(0);
        for (int n = 1; n <= 5; n++) {
            assertThat(atlas.deletesOf(path(n))).as("DELETEs of target " + n).isEqualTo(1);
        }
        assertThat(canceller.database().sql("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameContentNeverRunsTwiceAtOnceWhateverItsPath() throws Exception {
        // given: a copy of the file under another name, launched while the first runs (its first answer slow enough
        // that the second launch's start-up is over before it, on a loaded machine too)
        atlas.answer(path(1), AtlasStub.cancelled().withFixedDelay(8000));
        canceller.with("--canceller.atlas.read-timeout=30s");
        Path input = canceller.file("in.csv", csv(3));
        Path copy = canceller.file("copy.csv", csv(3));
        CompletableFuture<Integer> first = canceller.runInBackgroundUntilSent(path(1), "cancel", input.toString());

        // when
        int second = canceller.run("cancel", copy.toString());

        // then
        assertThat(second).isEqualTo(4);
        assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(atlas.requests()).hasSize(3);
    }

    @Test
    void aFileRewrittenDuringItsRunIsReadAsItWasWhenHashed() throws Exception {
        // given: the first DELETE is slow; meanwhile the file (larger than any read buffer) is rewritten in place
        atlas.answer(path(1), AtlasStub.cancelled().withFixedDelay(1500));
        Path input = canceller.file("in.csv", csv(ROWS));
        CompletableFuture<Integer> run = canceller.with("--canceller.concurrency=1").with("--canceller.chunk-size=10")
                .with("--canceller.atlas.read-timeout=30s") // a retry of the slow DELETE is not what this test is about
                .runInBackgroundUntilSent(path(1), "cancel", input.toString());
        Files.writeString(input, "groupId,clusterName,restoreJobId\n" + IntStream.rangeClosed(ROWS + 1, 2 * ROWS)
                .mapToObj(Targets::row).collect(Collectors.joining("\n")) + "\n");

        // when
        int exitCode = run.get(60, TimeUnit.SECONDS);

        // then: the hashed content was cancelled, nothing of the new content was sent under the old hash
        assertThat(exitCode).isZero();
        assertThat(atlas.requests()).hasSize(ROWS).allSatisfy(request ->
                assertThat(Long.parseLong(request.getUrl().substring(request.getUrl().lastIndexOf('/') + 1), 16) % 1_000_000L)
                        .isBetween(1L, (long) ROWS));
        assertThat(canceller.outcomes()).extracting(r -> r.get("RESTORE_JOB_ID"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, ROWS).mapToObj(Targets::job).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"token-url", "revoke-url"})
    void aUrlThatWouldCarryServiceAccountSecretsOverPlainHttpIsRefused(String key, CapturedOutput output) {
        // given
        canceller.token(null).env(AtlasCredentials.CLIENT_ID, "mdb_sa_id_0123456789abcdef")
                .env(AtlasCredentials.CLIENT_SECRET, "test-only-client-secret")
                .with("--canceller.atlas." + key + "=http://auth.example.com/oauth");

        // when
        int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(2)).toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("canceller.atlas." + key + " must use https");
        assertThat(atlas.requests()).isEmpty();
    }

    @Test
    void aBaseUrlWithTheApiPathIsRefusedBeforeAnythingIsSent(CapturedOutput output) {
        // given: the URL copied from the API's documentation, path included
        canceller.with("--canceller.atlas.base-url=" + atlas.baseUrl() + "/api/atlas/v2");

        // when
        int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(2)).toString());

        // then
        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("error: canceller.atlas.base-url is the site without the API's path"
                + " (e.g. https://cloud.mongodb.com), not " + atlas.baseUrl() + "/api/atlas/v2");
        assertThat(atlas.requests()).isEmpty();
        assertThat(canceller.outcomes()).isEmpty();
    }

    @Test
    void anArchivedFileIsNeverOverwrittenByALaterFileOfTheSameName() throws Exception {
        // given
        Path inbox = Files.createDirectories(canceller.directory().resolve("inbox"));
        Path archive = canceller.directory().resolve("archive");
        canceller.with("--canceller.input.archive-dir=" + archive);
        Files.writeString(inbox.resolve("night.csv"), csv(2));
        assertThat(canceller.run("cancel", inbox.toString())).isZero();
        Files.writeString(inbox.resolve("night.csv"), csv(3));

        // when
        int exitCode = canceller.run("cancel", inbox.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(Files.readString(archive.resolve("night.csv"))).isEqualTo(csv(2));
        try (var archived = Files.list(archive)) {
            assertThat(archived.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("night.csv", "night.2.csv");
        }
        assertThat(Files.readString(archive.resolve("night.2.csv"))).isEqualTo(csv(3));
    }

    @Test
    void theReportTableShowsControlCharactersEscapedNeverRaw(CapturedOutput output) {
        // given: a server whose error detail holds an ANSI escape, a carriage return, a NUL and a right-to-left override
        atlas.answer(path(1), AtlasStub.apiError(400, "INVALID_PARAMETER", "Bad Request",
                "\\u001b[2J\\u001b[31mred\\rover\\u0000\\u202egnp.exe"));
        assertThat(canceller.run("cancel", canceller.file("in.csv", csv(1)).toString())).isEqualTo(3);
        int before = output.getOut().length();

        // when
        int exitCode = canceller.run("report");

        // then
        String table = output.getOut().substring(before);
        assertThat(exitCode).isZero();
        assertThat(table).contains("\\u001b[2J\\u001b[31mred\\u000dover\uFFFD\\u202egnp.exe") // NUL is stored as U+FFFD
                .doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0000").doesNotContain("\u202e");
    }

    @Test
    void aRestartOfAnExecutionThatDoesNotExistIsAUsageError(CapturedOutput output) {
        assertThat(canceller.run("restart", "999")).isEqualTo(2);
        assertThat(output.getErr()).contains("error: there is no job execution 999");
    }
}
