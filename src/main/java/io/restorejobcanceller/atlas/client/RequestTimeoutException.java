package io.restorejobcanceller.atlas.client;

import java.io.IOException;

/** An exchange did not end within {@code canceller.atlas.request-timeout}: its connection was closed. */
final class RequestTimeoutException extends IOException {

    RequestTimeoutException(String message) {
        super(message);
    }
}
