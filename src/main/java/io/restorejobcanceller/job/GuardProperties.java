package io.restorejobcanceller.job;

import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code canceller.guard.*}: limits on what one real run may do, checked before its first DELETE; off unless set.
 *
 * @param maxCancellations a file with more valid rows to send (in allowed projects) is refused; 0: no limit
 * @param allowedProjects the only projects (group ids) whose rows are sent; the others are REJECTED
 *                        {@code PROJECT_NOT_ALLOWED} without a DELETE; empty: every project
 */
@Validated
@ConfigurationProperties("canceller.guard")
public record GuardProperties(
        @Min(0) @DefaultValue("0") long maxCancellations,
        @DefaultValue List<String> allowedProjects) {

    public static final String PROJECT_NOT_ALLOWED = "PROJECT_NOT_ALLOWED";

    public boolean allows(String groupId) {
        return allowedProjects.isEmpty() || allowedProjects.contains(groupId);
    }
}
