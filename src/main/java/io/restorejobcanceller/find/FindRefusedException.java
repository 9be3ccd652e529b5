package io.restorejobcanceller.find;

/** Atlas refused the credentials or this host, or would not list the projects: nothing is written. */
class FindRefusedException extends RuntimeException {

    FindRefusedException(String message) {
        super(message);
    }
}
