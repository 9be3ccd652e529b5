package io.restorejobcanceller.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.restorejobcanceller.atlas.Endpoint;
import io.restorejobcanceller.testing.Rates;
import io.restorejobcanceller.atlas.ApiError;
import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.AtlasUnreachableException;
import io.restorejobcanceller.atlas.RateLimits;
import io.restorejobcanceller.testing.RecordingSleeper;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 against scripted answers and a clock that moves only when told: the budgets Atlas's buckets make (per
 * project, shared, the first burst), the fallbacks, and a 429 that tells a smaller bucket mid-run.
 */
class RateLookupTest {

    private static final Set<String> PROJECTS = Set.of("A", "B");

    private static final RetryProperties RETRY = new RetryProperties(4, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60),
            Duration.ZERO, Duration.ofMinutes(10), Duration.ofSeconds(10));

    private final RecordingSleeper clock = RecordingSleeper.standingStill();
    private final List<String> asked = new ArrayList<>();
    private RateProperties properties = new RateProperties(null, RateProperties.Scope.PROJECT, 0, 2, Duration.ofSeconds(2),
            1.0, 100, Duration.ofSeconds(5));
    private RequestThrottle throttle;

    private RateSources follow(RateLimits.Pages atlas) {
        throttle = new RequestThrottle(properties, clock, clock.clock(), new AtlasPauses());
        return new RateLookup(atlas, throttle, properties, RETRY, clock, clock.clock()).follow(PROJECTS);
    }

    private RateLimits.Pages answering(Map<String, RateLimits.EndpointSet> byProject) {
        return (groupId, path, page) -> {
            asked.add(groupId + " " + path + " " + page);
            RateLimits.EndpointSet set = byProject.get(groupId == null ? "" : groupId);
            return new RateLimits(set == null ? List.of() : List.of(set), set == null ? 0 : 1);
        };
    }

    private static RateLimits.EndpointSet set(String scope, long capacity, long refill, long seconds) {
        return new RateLimits.EndpointSet("restoreJobs", "Restore jobs", scope, List.of(
                new RateLimits.Endpoint("GET", RateLookup.CANCEL_PATH), new RateLimits.Endpoint("DELETE", RateLookup.CANCEL_PATH)),
                new RateLimits.Figure(capacity, null), new RateLimits.Figure(refill, null), new RateLimits.Figure(seconds, null));
    }

    /** Requests of the project that go now, without the clock moving. */
    private int burst(String project) {
        int sent = 0;
        while (throttle.tryAcquire(Endpoint.CANCEL, project).isZero()) {
            sent++;
        }
        return sent;
    }

    @Test
    void eachProjectGetsItsOwnBucketWithItsCapacityAsTheFirstBurst() {
        // given: A capacity 10, 600 a minute; B capacity 2, 120 a minute
        RateSources sources = follow(answering(Map.of("A", set("GROUP", 10, 600, 60), "B", set("GROUP", 2, 120, 60))));

        // then: each project's burst (a fifth short of its capacity, for slack), then one request per refill interval
        assertThat(asked).containsExactlyInAnyOrder("A " + RateLookup.CANCEL_PATH + " 1", "B " + RateLookup.CANCEL_PATH + " 1");
        assertThat(burst("A")).isEqualTo(8);
        assertThat(burst("B")).isEqualTo(1);
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "A")).isEqualTo(Duration.ofMillis(101));
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "B")).isEqualTo(Duration.ofMillis(505));
        clock.sleep(Duration.ofMillis(505));
        assertThat(burst("B")).isEqualTo(1);
        assertThat(sources.describe()).contains("Atlas: 600 per 60 s per project (capacity 10) for 1 project",
                "Atlas: 120 per 60 s per project (capacity 2) for 1 project");
        assertThat(sources.leastTimeFor(Map.of("A", 70L, "B", 10L), properties)).contains(Duration.ofSeconds(6));
    }

    @Test
    void anOrganisationsBucketIsOneBudgetSharedByEveryProject() {
        // given: no GROUP set for the projects; the organisation's bucket, capacity 4, 300 a minute
        RateSources sources = follow(answering(Map.of("", set("ORGANIZATION", 4, 300, 60))));

        // then: asked for the first project, then once without one; A and B draw on the same burst and pause together
        assertThat(asked).hasSize(2).last().asString().startsWith("null ");
        assertThat(burst("A") + burst("B")).isEqualTo(3); // capacity 4, one short
        throttle.pause(Endpoint.CANCEL, "A", Duration.ofSeconds(30));
        clock.sleep(Duration.ofSeconds(1));
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "B")).isEqualTo(Duration.ofSeconds(29));
        assertThat(sources.describe()).isEqualTo("Atlas: 300 per 60 s shared by the organisation (capacity 4)");
    }

    @Test
    void aShareOfTheBucketLeavesHeadroom() {
        properties = new RateProperties(null, RateProperties.Scope.PROJECT, 0, 2, Duration.ofSeconds(2), 0.5, 100, Duration.ofSeconds(5));
        RateSources sources = follow(answering(Map.of("A", set("GROUP", 10, 600, 60), "B", set("GROUP", 10, 600, 60))));
        assertThat(sources.describe()).isEqualTo("Atlas: 300 per 60 s per project (capacity 5)");
        assertThat(burst("A")).isEqualTo(4); // capacity 5, one short
    }

    @Test
    void aRefusalFallsBackToTheConfiguredRateAndStopsAsking() {
        // given: credentials without Project Read Only
        RateSources sources = follow((groupId, path, page) -> {
            asked.add(groupId);
            throw new AtlasApiException(403, new ApiError(403, "USER_UNAUTHORIZED", "Forbidden", "not authorized", List.of(), null),
                    null, null, null);
        });

        // then: one request; every project at 100 a minute, evenly spread
        assertThat(asked).hasSize(1);
        assertThat(sources.describe()).isEqualTo("Atlas would not tell (403 USER_UNAUTHORIZED): 100 per minute per project");
        assertThat(burst("A")).isEqualTo(1);
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "A")).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void anOlderAtlasOrNoAnswerFallsBackToo() {
        assertThat(follow((groupId, path, page) -> {
            throw new AtlasApiException(404, null, null, "<html>Not Found</html>", null);
        }).describe()).isEqualTo("Atlas would not tell (404): 100 per minute per project");
        assertThat(follow((groupId, path, page) -> {
            throw new AtlasUnreachableException("SocketTimeoutException: Read timed out", null);
        }).describe()).isEqualTo("Atlas would not tell (no answer: SocketTimeoutException: Read timed out): 100 per minute per project");
    }

    @Test
    void anEndpointOfNoProjectThatAtlasWouldNotTellSaysSo() {
        // given: find's list of the projects (no project to ask about) and an Atlas that refuses the look-up
        throttle = new RequestThrottle(properties, clock, clock.clock(), new AtlasPauses());
        RateLookup lookup = new RateLookup((groupId, path, page) -> {
            throw new AtlasApiException(404, null, null, "<html>Not Found</html>", null);
        }, throttle, properties, RETRY, clock, clock.clock());

        // when
        RateSources sources = lookup.follow(List.of(), List.of(Endpoint.PROJECTS), lookup.deadline());

        // then: the fallback, said as for projects (the log line said "Rate of the projects' list: " and nothing)
        assertThat(sources.describe()).isEqualTo("Atlas would not tell (404): 100 per minute per project");
    }

    @Test
    void aLookUpThatHangsCostsTheLookUpTimeoutAtMost() {
        // given: an Atlas that never answers, and a look-up timeout of 50 ms
        properties = new RateProperties(null, RateProperties.Scope.PROJECT, 0, 2, Duration.ofSeconds(2), 1.0, 100, Duration.ofMillis(50));
        var never = new CountDownLatch(1);

        // when
        RateSources sources = follow((groupId, path, page) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new AtlasUnreachableException("interrupted", null);
        });

        // then
        assertThat(sources.describe()).isEqualTo("Atlas would not tell (no answer in 50 ms): 100 per minute per project");
    }

    private static AtlasApiException rateLimited(Duration retryAfter) {
        return new AtlasApiException(429, new ApiError(429, "RATE_LIMITED_TOKEN_BUCKET", "Too Many Requests",
                "Rate limit exceeded for api/atlas/v2/rateLimits. Please retry after " + retryAfter.toSeconds() + " seconds.", null, null),
                null, null, retryAfter);
    }

    @Test
    void aRateLimitedLookUpWaitsItsRetryAfterAndAsksAgain() {
        // given: the first look-up answered 429 with Retry-After 2
        RateLimits.Pages buckets = answering(Map.of("A", set("GROUP", 10, 600, 60), "B", set("GROUP", 10, 600, 60)));
        RateSources sources = follow((groupId, path, page) -> {
            if (asked.isEmpty()) {
                asked.add(groupId + " refused");
                throw rateLimited(Duration.ofSeconds(2));
            }
            return buckets.page(groupId, path, page);
        });

        // then: that project asked again after its wait, like any request; both follow their buckets
        assertThat(asked).hasSize(3);
        assertThat(clock.waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(sources.describe()).isEqualTo("Atlas: 600 per 60 s per project (capacity 10)");
    }

    @Test
    void theLookUpsArePacedLikeAnyRequest() {
        // given: the set of the cancel endpoint on a second page, after another set
        RateLimits.EndpointSet other = new RateLimits.EndpointSet("clusters", "Clusters", "GROUP",
                List.of(new RateLimits.Endpoint("GET", "/api/atlas/v2/groups/{groupId}/clusters")),
                new RateLimits.Figure(10L, null), new RateLimits.Figure(600L, null), new RateLimits.Figure(60L, null));
        RateSources sources = follow((groupId, path, page) -> {
            asked.add(groupId + " " + page);
            return new RateLimits(List.of(page == 1 ? other : set("GROUP", 10, 600, 60)), 2);
        });

        // then: each project's second look-up waited for its turn at the fallback rate (100 a minute)
        assertThat(asked).hasSize(4);
        assertThat(clock.waits()).containsExactly(Duration.ofMillis(600), Duration.ofMillis(600));
        assertThat(sources.describe()).isEqualTo("Atlas: 600 per 60 s per project (capacity 10)");
    }

    @Test
    void aWaitPastTheLookUpTimeoutFallsBackAtOnce() {
        // given: a look-up answered 429 with Retry-After 60, longer than the look-up timeout (5 s)
        RateSources sources = follow((groupId, path, page) -> {
            asked.add(groupId);
            throw rateLimited(Duration.ofSeconds(60));
        });

        // then: nothing waited, nothing more asked: the run goes on at the fallback rate
        assertThat(asked).hasSize(1);
        assertThat(clock.waits()).isEmpty();
        assertThat(sources.describe()).startsWith("Atlas would not tell (a wait of ").endsWith(" past the look-up timeout): 100 per minute per project");
    }

    @Test
    void aConfiguredRateAsksNothing() {
        properties = Rates.configured(100, RateProperties.Scope.PROJECT, 0, 2, Duration.ofSeconds(2));
        RateSources sources = follow(answering(Map.of()));
        assertThat(asked).isEmpty();
        assertThat(sources.describe()).isEqualTo("configured: 100 per minute per project");
    }

    @Test
    void a429TellingASmallerBucketMidRunCorrectsThatProjectsBudget() {
        // given: A follows capacity 10, 600 a minute
        follow(answering(Map.of("A", set("GROUP", 10, 600, 60), "B", set("GROUP", 10, 600, 60))));
        burst("A");

        // when: a 429 whose parameters tell capacity 2, 60 a minute
        AtlasApiException rateLimited = new AtlasApiException(429, new ApiError(429, "RATE_LIMITED_TOKEN_BUCKET", "Too Many Requests",
                "Rate limit exceeded. Please retry after 1 seconds. Request capacity: 99. Refill rate: 99 per 1 seconds",
                List.of("api/atlas/v2/groups/A/clusters/C/backup/restoreJobs/X", 1, 2, 60, 60), null), null, null, Duration.ofSeconds(1));
        new ThrottleFeedback(throttle, RETRY).refused(Endpoint.CANCEL, "A", rateLimited, 1);

        // then: A waits its pause, then goes at one a second (capacity 2: no burst beyond one); B is untouched
        clock.sleep(Duration.ofSeconds(2));
        assertThat(burst("A")).isEqualTo(1);
        assertThat(throttle.tryAcquire(Endpoint.CANCEL, "A")).isEqualTo(Duration.ofMillis(1010));
        assertThat(burst("B")).isEqualTo(8);
    }

    @Test
    void a429WithoutParametersIsReadFromItsDetail() {
        AtlasApiException rateLimited = new AtlasApiException(429, new ApiError(429, "RATE_LIMITED_TOKEN_BUCKET", "Too Many Requests",
                "Rate limit exceeded for api/atlas/v2/orgs. Please retry after 55 seconds. Request capacity: 10. Refill rate: 5 per 60 seconds.",
                null, null), null, null, null);
        assertThat(Bucket.toldBy(rateLimited)).contains(new Bucket(10, 5, Duration.ofSeconds(60)));
    }
}
