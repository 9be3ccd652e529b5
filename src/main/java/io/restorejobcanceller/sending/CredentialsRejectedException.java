package io.restorejobcanceller.sending;

/** Atlas answered 401: nothing more can succeed with these credentials, so the job stops at once. */
public class CredentialsRejectedException extends RuntimeException {

    public CredentialsRejectedException(String message) {
        super(message);
    }
}
