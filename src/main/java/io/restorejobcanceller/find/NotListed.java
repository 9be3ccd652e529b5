package io.restorejobcanceller.find;

/**
 * A project or cluster whose list find could not read.
 *
 * @param what    {@code project ID} or {@code cluster ID/NAME}
 * @param answer  Atlas's refusal ({@code HTTP 404 GROUP_NOT_FOUND: ...}), or why no list came
 * @param refused Atlas (or the guard) refused it with an error code; {@code false}: it was never answered, even after
 *                the retries (no answer, only transient answers, or answers that were not Atlas's)
 */
record NotListed(String what, String answer, boolean refused) {

    /** {@code HTTP 404 GROUP_NOT_FOUND: ...}, or {@code not answered: ...}. */
    String said() {
        return (refused ? "" : "not answered: ") + answer;
    }

    @Override
    public String toString() {
        return what + ": " + said();
    }
}
