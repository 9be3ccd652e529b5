package io.restorejobcanceller.sending;

import io.restorejobcanceller.atlas.AtlasClientConfiguration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code canceller.concurrency}: how many DELETEs are in flight at most.
 *
 * @param concurrency DELETEs in flight at most; the database pool is sized from it
 */
@Validated
@ConfigurationProperties("canceller")
public record SendingProperties(
        @Min(1) @Max(AtlasClientConfiguration.MAX_CONCURRENT_REQUESTS) @DefaultValue("8") int concurrency) {
}
