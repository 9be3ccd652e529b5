package io.restorejobcanceller.atlas;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The error body of the Atlas Administration API. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(Integer error, String errorCode, String reason, String detail) {
}
