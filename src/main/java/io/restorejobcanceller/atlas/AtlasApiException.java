package io.restorejobcanceller.atlas;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

/**
 * Atlas answered with a status other than 2xx. Carries Atlas's error code (from the error body, else from the
 * {@code X-Error-Code} header), what that answer means ({@link AtlasVerdict}), and the server's
 * {@code Retry-After} when it sent one. Never carries request headers.
 */
public class AtlasApiException extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final AtlasVerdict verdict;
    private final Duration retryAfter;
    private final List<Object> parameters;

    public AtlasApiException(int status, ApiError apiError, String headerErrorCode, String bodySnippet, Duration retryAfter) {
        this(status, apiError, headerErrorCode, bodySnippet, retryAfter, null, false);
    }

    /**
     * @param staleNonce a 401 whose Digest challenge called the nonce stale again after one retry with a new one: the
     *                   credentials were right, the server (or the nodes behind its load balancer) disagreed on the
     *                   nonce; transient, unlike any other 401 without an error code
     */
    public AtlasApiException(int status, ApiError apiError, String headerErrorCode, String bodySnippet, Duration retryAfter,
                      String location, boolean staleNonce) {
        super(staleNonce ? "HTTP " + status + " (the Digest nonce was called stale again after one retry with a new nonce)"
                : describe(status, location, apiError, headerErrorCode, bodySnippet));
        this.status = status;
        this.errorCode = apiError != null && apiError.errorCode() != null ? apiError.errorCode() : headerErrorCode;
        this.verdict = staleNonce ? AtlasVerdict.TRANSIENT : AtlasVerdict.of(status, errorCode);
        this.retryAfter = retryAfter;
        this.parameters = apiError == null || apiError.parameters() == null ? List.of() : apiError.parameters();
    }

    public int status() {
        return status;
    }

    /** Atlas's error code, or {@code null} when the answer carried none (not an Atlas answer, perhaps a proxy's). */
    public String errorCode() {
        return errorCode;
    }

    public AtlasVerdict verdict() {
        return verdict;
    }

    /** The error body's {@code parameters} (a 429 RATE_LIMITED_TOKEN_BUCKET's: path, retryAfter, capacity, refillRate, refillSeconds). */
    public List<Object> parameters() {
        return parameters;
    }

    /** The delay the server asked for, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    private static String describe(int status, String location, ApiError apiError, String headerErrorCode, String bodySnippet) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (status / 100 == 3) {
            text.append(" redirect to ").append(redirectTarget(location));
        }
        String code = apiError != null && apiError.errorCode() != null ? apiError.errorCode() : headerErrorCode;
        if (code != null) {
            text.append(' ').append(code);
        }
        if (apiError != null) {
            String detail = apiError.describe();
            if (!detail.isEmpty()) {
                text.append(": ").append(detail);
            }
        } else if (bodySnippet != null && !bodySnippet.isBlank()) {
            text.append(" (not an Atlas error body): ").append(bodySnippet.strip());
        } else {
            text.append(" (no body)");
        }
        return text.toString();
    }

    /** Where a redirect pointed, without its query (which may carry anything). */
    public static String redirectTarget(String location) {
        if (location == null) {
            return "nowhere (no Location)";
        }
        try {
            URI uri = new URI(location.strip());
            return new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return "an invalid Location";
        }
    }
}
