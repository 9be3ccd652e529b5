package io.restorejobcanceller.query;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code canceller.query.*}: how long one {@code query} may run before the database stops it, so that a runaway
 * join cannot hold an H2 file (the nightly run would find it busy) or a PostgreSQL backend.
 *
 * @param timeout whole seconds; a part of a second counts as one
 */
@Validated
@ConfigurationProperties("canceller.query")
record QueryProperties(@NotNull @DurationMin(seconds = 1) @DefaultValue("30s") Duration timeout) {

    int timeoutSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000);
    }
}
