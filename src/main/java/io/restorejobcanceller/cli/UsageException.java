package io.restorejobcanceller.cli;

/** The command line or the configuration is unusable; reported on one line with exit code 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
