package io.restorejobcanceller.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.restorejobcanceller.testing.Rates;
import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import io.restorejobcanceller.atlas.AtlasProperties;
import io.restorejobcanceller.cli.UsageException;
import io.restorejobcanceller.input.InputFile;
import io.restorejobcanceller.job.GuardProperties;
import io.restorejobcanceller.sending.AtlasPauses;
import io.restorejobcanceller.sending.RateLookup;
import io.restorejobcanceller.sending.RateProperties;
import io.restorejobcanceller.sending.RetryProperties;
import io.restorejobcanceller.sending.RequestThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.mock.env.MockEnvironment;

/** What {@link RunPlan} says and decides before a run sends anything, with real property records and no context. */
class RunPlanTest {

    private static final String ALLOWED = "5e2211c17a3e5a48f5497de3";
    private static final String OTHER = "32b6e34b3d91647abb20e7b8";
    /** 5 valid rows of one project, 3 of another, in 2 clusters. */
    private static final InputFile FILE = new InputFile(Path.of("/tmp/nights/in.csv"), "0".repeat(64), 9,
            new InputFile.RowsPerProject(2, Map.of(OTHER, 5L, ALLOWED, 3L)), null, null);
    private static final RateProperties UNLIMITED = rate(0);
    private static final GuardProperties NO_GUARD = new GuardProperties(0, List.of());

    private final Logger logger = (Logger) LoggerFactory.getLogger(RunPlan.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final List<String> asked = new ArrayList<>();
    private Level level;

    @BeforeEach
    void listen() {
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
        logger.setLevel(level);
    }

    @Test
    void aRealRunSaysItsPlanThenAsksOnce() {
        // when
        plan(rate(60), NO_GUARD, true).approve(FILE, false, false);

        // then
        assertThat(lines()).containsExactly("INFO Plan: 9 rows of in.csv, 8 valid, naming 2 projects (2 clusters);"
                + " configured: 60 per minute per project, this takes at least 5 s; at https://cloud.mongodb.com"
                + " as an access token (MONGODB_ATLAS_ACCESS_TOKEN from mockProperties)");
        assertThat(asked).containsExactly("Cancel 8 restore jobs in 2 projects (2 clusters) at https://cloud.mongodb.com"
                + " as an access token (MONGODB_ATLAS_ACCESS_TOKEN from mockProperties)?");
    }

    @Test
    void theAllowedProjectsAloneAreCountedTimedAndAskedAbout() {
        // when
        plan(rate(60), new GuardProperties(0, List.of(ALLOWED)), true).approve(FILE, false, false);

        // then: the 3 allowed rows at one a second, not the busiest project's 5
        assertThat(lines()).singleElement().asString().contains("8 valid, naming 2 projects (2 clusters); 5 of them in projects"
                + " outside canceller.guard.allowed-projects, not sent; configured: 60 per minute per project,"
                + " this takes at least 3 s;");
        assertThat(asked).singleElement().asString().startsWith("Cancel 3 restore jobs in 1 allowed project at ");
    }

    @Test
    void aGlobalRateTimesAllRowsTogether() {
        // when
        plan(Rates.configured(60, RateProperties.Scope.GLOBAL, 0, 2, Duration.ofSeconds(2)), NO_GUARD, true)
                .approve(FILE, false, true);

        // then
        assertThat(lines()).singleElement().asString().contains("; configured: 60 per minute, this takes at least 8 s;");
    }

    @Test
    void anUnlimitedRateSaysNoLeastTimeAndGivenConsentAsksNothing() {
        // when
        plan(UNLIMITED, NO_GUARD, true).approve(FILE, false, true);

        // then
        assertThat(lines()).singleElement().asString().doesNotContain("takes at least");
        assertThat(asked).isEmpty();
    }

    @Test
    void aFileWithMoreRowsThanTheGuardAllowsIsRefusedBeforeAnyQuestion() {
        assertThatThrownBy(() -> plan(UNLIMITED, new GuardProperties(7, List.of()), true).approve(FILE, false, false))
                .isInstanceOf(UsageException.class).hasMessage("canceller.guard.max-cancellations=7: in.csv has 8 valid rows"
                        + " to send; split the file or raise the limit");
        assertThat(lines()).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void theGuardCountsOnlyTheRowsOfTheAllowedProjects() {
        // when: 3 allowed rows under a limit of 3
        plan(UNLIMITED, new GuardProperties(3, List.of(ALLOWED)), true).approve(FILE, false, true);

        // then
        assertThat(lines()).hasSize(1);

        // and: 3 allowed rows over a limit of 2
        assertThatThrownBy(() -> plan(UNLIMITED, new GuardProperties(2, List.of(ALLOWED)), true).approve(FILE, false, true))
                .hasMessage("canceller.guard.max-cancellations=2: in.csv has 3 valid rows to send in the allowed projects;"
                        + " split the file or raise the limit");
    }

    @Test
    void aDryRunIsNeverRefusedNorAskedButWarnsOfARefusal() {
        // when
        plan(UNLIMITED, new GuardProperties(7, List.of()), false).approve(FILE, true, false);

        // then
        assertThat(lines()).containsExactly("WARN a real run of this file would be refused: canceller.guard.max-cancellations=7:"
                + " in.csv has 8 valid rows to send; split the file or raise the limit");
        assertThat(asked).isEmpty();
    }

    @Test
    void aDeclinedQuestionSendsNothing() {
        assertThatThrownBy(() -> plan(UNLIMITED, NO_GUARD, false).approve(FILE, false, false))
                .isInstanceOf(UsageException.class)
                .hasMessage("nothing sent: the confirmation was declined (give --yes to skip it)");
        assertThat(asked).hasSize(1);
    }

    @Test
    void aRetrySaysWhichRowsItSendsAgainAndAsks() {
        // when
        plan(UNLIMITED, NO_GUARD, true).approveRetry(FILE, new CancellationLauncher.Retry(execution(7, BatchStatus.COMPLETED), 1), false);

        // then
        assertThat(lines()).containsExactly("INFO Plan: retry the 1 row of in.csv that ended FAILED (no verdict from Atlas)"
                + " in job execution 7; its other rows are done and not sent again; at https://cloud.mongodb.com as an access"
                + " token (MONGODB_ATLAS_ACCESS_TOKEN from mockProperties)");
        assertThat(asked).singleElement().asString().startsWith("Send the 1 row that ended FAILED in job execution 7 again at ");
    }

    @Test
    void aDeclinedRetrySendsNothingAndAConfirmedOneAsksNothing() {
        CancellationLauncher.Retry retry = new CancellationLauncher.Retry(execution(7, BatchStatus.COMPLETED), 4);

        assertThatThrownBy(() -> plan(UNLIMITED, NO_GUARD, false).approveRetry(FILE, retry, false))
                .isInstanceOf(UsageException.class);
        plan(UNLIMITED, NO_GUARD, false).approveRetry(FILE, retry, true);
        assertThat(asked).singleElement().asString().startsWith("Send the 4 rows ");
    }

    @Test
    void aRestartSaysHowManyRowsAreLeftAndAsksAboutThem() {
        // when
        plan(UNLIMITED, NO_GUARD, true).approveRestart(new CancellationLauncher.Resume(execution(3, BatchStatus.STOPPED), 6, 10),
                FILE, false);

        // then
        assertThat(lines()).singleElement().asString().startsWith("INFO Plan: resume job execution 3 of in.csv (STOPPED):"
                + " 6 of its 10 rows are recorded and not sent again, 4 left; at https://cloud.mongodb.com");
        assertThat(asked).singleElement().asString().startsWith("Resume job execution 3 and cancel the restore jobs of the 4 rows"
                + " of in.csv not yet recorded at ");
    }

    @Test
    void aRestartWithNothingLeftAsksNothingAndADeclinedOneSendsNothing() {
        // when: every row recorded (more recorded than counted, as a restart of an inbox may see)
        plan(UNLIMITED, NO_GUARD, false).approveRestart(new CancellationLauncher.Resume(execution(3, BatchStatus.FAILED), 12, 10),
                FILE, false);

        // then
        assertThat(lines()).singleElement().asString().contains("12 of its 10 rows are recorded and not sent again, 0 left;");
        assertThat(asked).isEmpty();
        assertThatThrownBy(() -> plan(UNLIMITED, NO_GUARD, false).approveRestart(
                new CancellationLauncher.Resume(execution(3, BatchStatus.FAILED), 9, 10), FILE, false))
                .hasMessageStartingWith("nothing sent: the confirmation was declined");
    }

    @Test
    void unusableCredentialsOrASecretOverPlainHttpAreRefused() {
        RunPlan noCredentials = new RunPlan(UNLIMITED, NO_GUARD, answering(true), atlas("https://cloud.mongodb.com"),
                AtlasCredentials.from(new MockEnvironment()), lookup(UNLIMITED));
        RunPlan plainHttp = new RunPlan(UNLIMITED, NO_GUARD, answering(true), atlas("http://atlas.example.com"), token(), lookup(UNLIMITED));
        RunPlan loopback = new RunPlan(UNLIMITED, NO_GUARD, answering(true), atlas("http://127.0.0.1:8080"), token(), lookup(UNLIMITED));

        assertThatThrownBy(noCredentials::checkAtlasConfiguration).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("no Atlas credentials: set MONGODB_ATLAS_CLIENT_ID")
                .hasMessageEndingWith(", or name an Atlas CLI profile with --profile (or use --dry-run, which sends nothing)");
        assertThatThrownBy(plainHttp::checkAtlasConfiguration).isInstanceOf(UsageException.class)
                .hasMessage("canceller.atlas.base-url must use https (plain http is allowed for loopback hosts only):"
                        + " http://atlas.example.com");
        loopback.checkAtlasConfiguration();
    }

    private RunPlan plan(RateProperties rate, GuardProperties guard, boolean answer) {
        return new RunPlan(rate, guard, answering(answer), atlas("https://cloud.mongodb.com"), token(), lookup(rate));
    }

    /** The operator's answer to every question, each question kept. */
    private Confirmation answering(boolean answer) {
        return new Confirmation() {
            @Override
            boolean confirmed(String question) {
                asked.add(question);
                return answer;
            }
        };
    }

    private List<String> lines() {
        return logged.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
    }

    /** A configured rate asks Atlas nothing: the look-up's Atlas is never called. */
    private static RateLookup lookup(RateProperties rate) {
        return new RateLookup((groupId, path, page) -> {
            throw new AssertionError("a configured rate asks Atlas nothing");
        }, new RequestThrottle(rate, wait -> { }, Clock.systemUTC(), new AtlasPauses()), rate,
                new Binder().bindOrCreate("canceller.retry", RetryProperties.class), wait -> { }, Clock.systemUTC());
    }

    private static RateProperties rate(int requestsPerMinute) {
        return Rates.configured(requestsPerMinute, RateProperties.Scope.PROJECT, 0, 2, Duration.ofSeconds(2));
    }

    static AtlasProperties atlas(String baseUrl) {
        return new AtlasProperties(URI.create(baseUrl), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
                null, null, Duration.ofSeconds(60), null);
    }

    private static AtlasCredentials token() {
        return AtlasCredentials.from(new MockEnvironment().withProperty(AtlasCredentials.ACCESS_TOKEN, "test-token"));
    }

    private static JobExecution execution(long id, BatchStatus status) {
        JobExecution execution = new JobExecution(id, new JobInstance(1, "cancellationJob"), new JobParameters());
        execution.setStatus(status);
        return execution;
    }
}
