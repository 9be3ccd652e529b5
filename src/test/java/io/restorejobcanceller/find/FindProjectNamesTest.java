package io.restorejobcanceller.find;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restorejobcanceller.find.FindCommandTest.ORDERS;
import static io.restorejobcanceller.find.FindCommandTest.PAYMENTS;
import static io.restorejobcanceller.find.FindCommandTest.id;
import static io.restorejobcanceller.testing.AtlasLists.projectPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.restorejobcanceller.testing.AtlasLists;
import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The project name column of projects given by id: asked of Atlas, one request per project; a failed look-up loses only the name. */
@ExtendWith(OutputCaptureExtension.class)
class FindProjectNamesTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @BeforeEach
    void atlasLists() {
        canceller.with("--canceller.atlas.read-timeout=30s"); // requests are counted: a slow first answer is not retried
        FindCommandTest.everyKindOfRestoreJob().serveOn(atlas.server(), atlas.baseUrl());
    }

    @Test
    void aProjectGivenByIdIsNamedWithOneRequestInItsApiVersion(CapturedOutput output) {
        // when
        int exitCode = canceller.run("find", "--project", PAYMENTS + "," + ORDERS);

        // then
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains(PAYMENTS + ",Cluster1," + id(9) + ",download,").contains(",payments\n")
                .contains(ORDERS + ",Cluster0," + id(10) + ",download,").contains(",orders\n");
        for (String project : new String[] {PAYMENTS, ORDERS}) {
            assertThat(atlas.server().findAll(getRequestedFor(urlEqualTo(projectPath(project)))))
                    .singleElement().satisfies(request -> assertThat(request.getHeader("Accept")).isEqualTo(AtlasLists.PROJECTS_ACCEPT));
        }
    }

    @Test
    void aRefusedOrUnansweredNameLosesTheNameNotTheListing(CapturedOutput output) {
        // given: Atlas refuses one project's look-up, and never answers the other's
        atlas.server().stubFor(get(urlEqualTo(projectPath(PAYMENTS))).atPriority(1)
                .willReturn(AtlasStub.apiError(403, "USER_UNAUTHORIZED", "Forbidden", "stub refusal")));
        atlas.server().stubFor(get(urlEqualTo(projectPath(ORDERS))).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        // when
        int exitCode = canceller.run("find", "--project", PAYMENTS + "," + ORDERS);

        // then: every cancellable restore job is listed, with an empty name
        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains(PAYMENTS + ",Cluster1," + id(9) + ",download,2026-11-25T00:00:00Z,2026-12-31T00:00:00Z,\n")
                .contains(ORDERS + ",Cluster0," + id(10) + ",download,2026-11-25T00:00:00Z,2026-12-31T00:00:00Z,\n")
                .contains("4 cancellable listed");
        assertThat(output.getErr()).contains("Project " + PAYMENTS + ": its name is not known (HTTP 403 USER_UNAUTHORIZED")
                .contains("Project " + ORDERS + ": its name is not known (not answered: ");
    }

    @Test
    void refusedCredentialsOnTheNameStopTheFindAsOnAList(CapturedOutput output) {
        // given
        atlas.server().stubFor(get(urlEqualTo(projectPath(PAYMENTS))).atPriority(1)
                .willReturn(AtlasStub.apiError(401, "UNAUTHORIZED", "Unauthorized", "stub refusal")));

        // when
        int exitCode = canceller.run("find", "--project", PAYMENTS);

        // then
        assertThat(exitCode).isEqualTo(1);
        assertThat(output.getOut()).isEmpty();
        assertThat(output.getErr()).contains("error: Atlas refused the credentials (HTTP 401 UNAUTHORIZED");
    }
}
