package io.restorejobcanceller.sending;

import io.restorejobcanceller.atlas.client.AtlasClientConfiguration;
import org.hibernate.validator.constraints.Range;

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
        @Range(min = 1, max = AtlasClientConfiguration.MAX_CONCURRENT_REQUESTS) @DefaultValue("8") int concurrency) {
}
