package io.restorejobcanceller.atlas;

import java.time.Duration;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The one retry loop: tries again what is worth trying again, waiting the policy's backoff (a Spring
 * {@link RetryPolicy}'s), or the server's {@code Retry-After} when that is longer (up to {@link Policy#maxServerWait}),
 * and counts the attempts. A row's requests (sending.RestoreJobCancelSender) and the token endpoint
 * (auth.ServiceAccountTokens) go through it. Not Spring's {@code RetryTemplate}: a server's wait must lengthen the
 * backoff, every attempt is counted for the audit, and the waits go through a {@link Sleeper}.
 */
public final class Retries {

    /**
     * @param maxAttempts attempts at most, the first included
     * @param initialDelay the first backoff, multiplied by {@code multiplier} for each further one, up to {@code maxDelay}
     * @param jitter random spread added to each backoff
     * @param maxServerWait cap on the wait a server asks for, honoured in full up to it
     */
    public record Policy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, Duration jitter,
                         Duration maxServerWait) {
    }

    /** What one attempt came to. */
    public sealed interface Attempt<T> {
    }

    /** A final result: nothing more is sent. */
    public record Done<T>(T result) implements Attempt<T> {
    }

    /** A failure worth trying again; {@code serverWait}: how long the server asked to wait, or {@code null}. */
    public record Again<T>(RuntimeException failure, Duration serverWait) implements Attempt<T> {
    }

    @FunctionalInterface
    public interface Try<T> {
        /** Attempt number {@code number} (from 1). */
        Attempt<T> attempt(int number) throws InterruptedException;
    }

    @FunctionalInterface
    public interface GiveUp<T> {
        /** The result after the last attempt failed as well (or throws). */
        T after(RuntimeException lastFailure, int attempts);
    }

    @FunctionalInterface
    public interface BeforeWait {
        void waiting(RuntimeException failure, Duration wait);
    }

    private final Policy policy;
    private final RetryPolicy backOffs;
    private final Sleeper sleeper;

    public Retries(Policy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.backOffs = RetryPolicy.builder()
                .maxRetries(policy.maxAttempts() - 1)
                .delay(policy.initialDelay())
                .multiplier(policy.multiplier())
                .maxDelay(policy.maxDelay())
                .jitter(policy.jitter())
                .build();
    }

    public Policy policy() {
        return policy;
    }

    public <T> T run(Try<T> attempt, GiveUp<T> giveUp) throws InterruptedException {
        return run(attempt, giveUp, (failure, wait) -> { });
    }

    public <T> T run(Try<T> attempt, GiveUp<T> giveUp, BeforeWait beforeWait) throws InterruptedException {
        BackOffExecution backOff = backOffs.getBackOff().start();
        for (int number = 1; ; number++) {
            Attempt<T> outcome = attempt.attempt(number);
            if (outcome instanceof Done<T> done) {
                return done.result();
            }
            Again<T> again = (Again<T>) outcome;
            long backOffMillis = backOff.nextBackOff();
            if (backOffMillis == BackOffExecution.STOP) {
                return giveUp.after(again.failure(), number);
            }
            Duration wait = min(Duration.ofMillis(backOffMillis), policy.maxDelay());
            Duration asked = again.serverWait() == null ? null : min(again.serverWait(), policy.maxServerWait());
            Duration chosen = asked != null && asked.compareTo(wait) > 0 ? asked : wait;
            beforeWait.waiting(again.failure(), chosen);
            sleeper.sleep(chosen);
        }
    }

    public static Duration min(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? b : a;
    }
}
