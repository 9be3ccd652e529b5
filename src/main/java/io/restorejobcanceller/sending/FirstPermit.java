package io.restorejobcanceller.sending;

/** Whether the rate-limit permit of a row's first request is already taken; every further request takes its own. */
public enum FirstPermit {
    /** Taken by the {@link RequestDispatcher} when it started the row ({@link RequestThrottle#tryAcquire}). */
    TAKEN,
    /** The sender waits for it ({@link RequestThrottle#beforeRequest}). */
    TO_TAKE
}
