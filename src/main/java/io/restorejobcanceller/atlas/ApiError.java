package io.restorejobcanceller.atlas;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The error body of the Atlas Administration API: {@code {error, errorCode, detail, reason, parameters[],
 * badRequestDetail}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(Integer error, String errorCode, String reason, String detail, List<Object> parameters,
                       BadRequestDetail badRequestDetail) {

    /** Which parts of a request Atlas found wrong. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BadRequestDetail(List<FieldViolation> fields) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldViolation(String field, String description) {
    }

    /** Detail (or reason), then the parameters and field violations, as one line for the audit. */
    public String describe() {
        StringBuilder text = new StringBuilder(detail != null ? detail : reason != null ? reason : "");
        if (parameters != null && !parameters.isEmpty()) {
            text.append(" [parameters: ").append(parameters.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(']');
        }
        if (badRequestDetail != null && badRequestDetail.fields() != null && !badRequestDetail.fields().isEmpty()) {
            text.append(" [fields: ").append(badRequestDetail.fields().stream()
                    .map(f -> f.field() + ": " + f.description()).collect(Collectors.joining("; "))).append(']');
        }
        return text.toString();
    }
}
