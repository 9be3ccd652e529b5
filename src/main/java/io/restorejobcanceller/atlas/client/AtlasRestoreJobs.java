package io.restorejobcanceller.atlas.client;

import io.restorejobcanceller.atlas.auth.AtlasAuthorization;
import io.restorejobcanceller.atlas.auth.OneStaleRetry;
import io.restorejobcanceller.atlas.ApiError;
import io.restorejobcanceller.atlas.AtlasAnswer;
import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.AtlasPage;
import io.restorejobcanceller.atlas.AtlasProperties;
import io.restorejobcanceller.atlas.AtlasUnreachableException;
import io.restorejobcanceller.atlas.AtlasVerdict;
import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.atlas.RateLimits;
import io.restorejobcanceller.atlas.RestoreJobState;
import io.restorejobcanceller.atlas.Retries;
import io.restorejobcanceller.atlas.RetryAfter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import feign.FeignException;
import feign.Response;
import feign.RetryableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The requests of {@link AtlasEndpoints} (DELETEs, GETs of a restore job or of a page of a list) with their answers read as data: a 2xx answer, an {@link AtlasApiException}
 * for any other status (with the Atlas error body parsed when it is one), or an {@link AtlasUnreachableException}
 * when no answer came. Each request is sent once, except once more after a 401 that refused a service-account token
 * (a renewed token may pass); retries of transient answers are the caller's ({@link Retries}).
 */
@Component
public class AtlasRestoreJobs implements RestoreJobs, RateLimits.Pages {

    /** Endpoint sets per page of the rate limits: one page holds every set that matches one path. */
    private static final int RATE_LIMITS_PER_PAGE = 100;

    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int SNIPPET_LENGTH = 300;
    /** A page of 500 restore jobs is about 0.5 MB. */
    private static final int MAX_PAGE_BYTES = 32 * 1024 * 1024;

    private final AtlasEndpoints client;
    private final AtlasAuthorization authorization;
    private final JsonMapper json;
    private final Clock clock;
    private final String baseUrl;

    public AtlasRestoreJobs(AtlasEndpoints client, AtlasAuthorization authorization, JsonMapper json, Clock clock,
                          AtlasProperties properties) {
        this.baseUrl = properties.baseUrlWithoutSlash();
        this.client = client;
        this.authorization = authorization;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Sends the DELETE and returns its 2xx answer. Sent once, except that a 401 refusing a service-account token
     * (not a project) is answered by renewing the token and sending once more.
     */
    @Override
    public AtlasAnswer cancelRestoreJob(CancellationTarget target) {
        return exchange(() -> client.cancelRestoreJob(target.groupId(), target.clusterName(), target.restoreJobId()),
                response -> new AtlasAnswer(response.status(), integerHeader(response, "RateLimit-Remaining")));
    }

    /** Reads the restore job's state; its errors are those of the DELETE. */
    @Override
    public RestoreJobState restoreJob(CancellationTarget target) {
        return exchange(() -> client.getRestoreJob(target.groupId(), target.clusterName(), target.restoreJobId()),
                response -> read(response, json.constructType(RestoreJobState.class), MAX_BODY_BYTES, "the restore job's state"));
    }

    @Override
    public RateLimits page(String groupId, String endpointPath, int pageNum) {
        String encoded = URLEncoder.encode(endpointPath, StandardCharsets.UTF_8);
        return exchange(() -> client.rateLimits(groupId, encoded, pageNum, RATE_LIMITS_PER_PAGE),
                response -> read(response, json.constructType(RateLimits.class), MAX_PAGE_BYTES, "the rate limits"));
    }

    /**
     * One page of a list, e.g. {@code page(c -> c.listProjects(AtlasPage.ITEMS_PER_PAGE, 1), Project.class)}; its errors
     * are those of the DELETE.
     */
    public <T> AtlasPage<T> page(Function<AtlasEndpoints, Response> list, Class<T> itemType) {
        JavaType type = json.getTypeFactory().constructParametricType(AtlasPage.class, itemType);
        return exchange(() -> list.apply(client), response -> read(response, type, MAX_PAGE_BYTES, "a page of a list"));
    }

    /** One resource, e.g. {@code one(c -> c.getProject(groupId), Project.class)}; its errors are those of the DELETE. */
    public <T> T one(Function<AtlasEndpoints, Response> get, Class<T> type) {
        return exchange(() -> get.apply(client), response -> read(response, json.constructType(type), MAX_BODY_BYTES, "an answer"));
    }

    private <T> T read(Response response, JavaType type, int maxBytes, String what) {
        try (InputStream in = response.body() == null ? InputStream.nullInputStream() : response.body().asInputStream()) {
            byte[] body = in.readNBytes(maxBytes);
            return json.readValue(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body, type);
        } catch (IOException e) {
            throw new AtlasUnreachableException(what + " could not be read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new AtlasUnreachableException(what + " could not be read: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T exchange(Supplier<Response> request, Function<Response, T> success) {
        for (boolean renewed = false; ; renewed = true) {
            try (Response response = request.get()) {
                int status = response.status();
                if (status / 100 == 2) {
                    return success.apply(response);
                }
                String body = readBody(response);
                ApiError apiError = parse(body);
                String snippet = apiError == null && body != null ? body.substring(0, Math.min(body.length(), SNIPPET_LENGTH)) : null;
                var refused = new AtlasApiException(status, apiError, header(response, "X-Error-Code"), snippet,
                        retryAfter(response), header(response, "Location"), status == 401 && staleChallenge(response));
                // only a refusal of the credentials is worth a new token: a refused project is refused to any token
                if (refused.verdict() == AtlasVerdict.CREDENTIALS_REFUSED && !renewed
                        && authorization.renewAfterRejection(response.request())) {
                    continue;
                }
                throw refused;
            } catch (RetryableException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new AtlasUnreachableException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
            } catch (FeignException e) {
                // Feign reads a short body before returning the response: its failure is an answer that never came whole
                if (!(e.getCause() instanceof IOException cause)) {
                    throw e;
                }
                throw new AtlasUnreachableException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
            }
        }
    }

    private static boolean staleChallenge(Response response) {
        Collection<String> challenges = response.headers().getOrDefault("WWW-Authenticate", List.of());
        return challenges.stream().anyMatch(OneStaleRetry::isStale);
    }

    private static String header(Response response, String name) {
        Collection<String> values = response.headers().get(name);
        return values == null || values.isEmpty() ? null : values.iterator().next().strip();
    }

    private static Integer integerHeader(Response response, String name) {
        String value = header(response, name);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String readBody(Response response) {
        if (response.body() == null) {
            return null;
        }
        try (InputStream in = response.body().asInputStream()) {
            return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private ApiError parse(String body) {
        if (body == null || !body.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            return json.readValue(body, ApiError.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private Duration retryAfter(Response response) {
        String value = header(response, "Retry-After");
        return value == null ? null : RetryAfter.parse(value, clock);
    }

    @Override
    public String destination() {
        return "Atlas at " + baseUrl + " (" + authorization.credentials().describe() + ")";
    }
}
