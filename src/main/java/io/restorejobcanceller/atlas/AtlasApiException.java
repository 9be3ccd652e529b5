package io.restorejobcanceller.atlas;

import java.time.Duration;

/**
 * Atlas answered with a status other than 2xx. Carries the parsed {@link ApiError} when the body was one, and
 * the server's {@code Retry-After} when it sent one. Never carries request headers.
 */
public class AtlasApiException extends RuntimeException {

    private final int status;
    private final transient ApiError apiError;
    private final Duration retryAfter;

    public AtlasApiException(int status, ApiError apiError, String bodySnippet, Duration retryAfter) {
        super(describe(status, apiError, bodySnippet));
        this.status = status;
        this.apiError = apiError;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return apiError == null ? null : apiError.errorCode();
    }

    /** The delay the server asked for, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    private static String describe(int status, ApiError apiError, String bodySnippet) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (apiError != null) {
            if (apiError.errorCode() != null) {
                text.append(' ').append(apiError.errorCode());
            }
            String detail = apiError.detail() != null ? apiError.detail() : apiError.reason();
            if (detail != null) {
                text.append(": ").append(detail);
            }
        } else if (bodySnippet != null && !bodySnippet.isBlank()) {
            text.append(": ").append(bodySnippet.strip());
        }
        return text.toString();
    }
}
