package io.restorejobcanceller.atlas;

import java.time.Duration;

/** Waits between retries; a seam so that tests observe the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;
}
