package io.restorejobcanceller.atlas;

/** No HTTP answer came back: connect failure, connection reset, read timeout. */
public class AtlasUnreachableException extends RuntimeException {

    public AtlasUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
