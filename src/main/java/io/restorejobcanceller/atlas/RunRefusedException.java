package io.restorejobcanceller.atlas;

/**
 * Atlas refused something no other row can get past (the credentials, this host's address): the run stops before
 * anything else is sent, and the message says what to fix.
 */
public class RunRefusedException extends RuntimeException {

    public RunRefusedException(String message) {
        super(message);
    }
}
