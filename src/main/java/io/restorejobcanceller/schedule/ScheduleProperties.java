package io.restorejobcanceller.schedule;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code canceller.schedule.*}: when {@code schedule DIR} processes the inbox (Spring cron, six fields). */
@Validated
@ConfigurationProperties("canceller.schedule")
record ScheduleProperties(@NotBlank @DefaultValue("0 0 2 * * *") String cron) {
}
