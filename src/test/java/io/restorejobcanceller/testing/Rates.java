package io.restorejobcanceller.testing;

import java.time.Duration;

import io.restorejobcanceller.sending.RateProperties;

import org.springframework.boot.context.properties.bind.Binder;

/** Rate settings for tests: the given ones, the others at the defaults their record declares. */
public final class Rates {

    private Rates() {
    }

    public static RateProperties configured(Integer requestsPerMinute, RateProperties.Scope scope, int globalRequestsPerMinute,
                                            int remainingFloor, Duration lowRemainingPause) {
        RateProperties defaults = new Binder().bindOrCreate("canceller.rate", RateProperties.class);
        return new RateProperties(requestsPerMinute, scope, globalRequestsPerMinute, remainingFloor, lowRemainingPause,
                defaults.shareOfBucket(), defaults.fallbackRequestsPerMinute(), defaults.lookupTimeout());
    }
}
