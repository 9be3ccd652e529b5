package io.restorejobcanceller.find;

import static io.restorejobcanceller.find.FindCommandTest.LATE;
import static io.restorejobcanceller.find.FindCommandTest.ORDERS;
import static io.restorejobcanceller.find.FindCommandTest.id;
import static io.restorejobcanceller.testing.AtlasLists.job;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import io.restorejobcanceller.testing.AtlasLists;
import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.DigestAtlasServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** API keys on paged lists: the Digest answer covers the query string, and the nonce is reused from page to page. */
@ExtendWith(OutputCaptureExtension.class)
class FindDigestTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void everyPageIsAuthenticatedWithTheQueryInTheDigestAndOneChallengeInAll(CapturedOutput output) throws Exception {
        // given: 1,100 restore jobs (3 pages) behind a server that checks the Digest uri against the whole request URI
        AtlasLists lists = new AtlasLists().project(ORDERS, "orders", "Cluster0").restoreJobs(ORDERS, "Cluster0",
                IntStream.rangeClosed(1, 1100).mapToObj(n -> job(id(n), "download", "running", LATE)).toList());
        try (DigestAtlasServer server = new DigestAtlasServer("pubkey", "private-key-value", 0).serving(lists)) {
            canceller.token(null).env("MONGODB_ATLAS_PUBLIC_API_KEY", "pubkey").env("MONGODB_ATLAS_PRIVATE_API_KEY", "private-key-value")
                    .with("--canceller.atlas.base-url=" + server.baseUrl());

            // when
            int exitCode = canceller.run("find", "--all-projects");

            // then: 5 pages (projects, clusters, 3 of restore jobs) on 6 requests: one challenge, then the nonce reused
            assertThat(exitCode).isZero();
            assertThat(output.getOut().lines().skip(2)).hasSize(1100);
            assertThat(server.refusedHashes()).isZero();
            assertThat(server.replayedCounts()).isZero();
            assertThat(server.challenges()).isEqualTo(1);
            assertThat(server.requests()).isEqualTo(6);
        }
    }
}
