package io.restorejobcanceller.atlas.auth;

/**
 * The service account got no token: the token endpoint refused its credentials, or stayed unavailable through
 * every retry. Nothing can be sent without one, so the run stops; the message says what to do.
 */
public class TokenEndpointException extends RuntimeException {

    public TokenEndpointException(String message) {
        super(message);
    }
}
