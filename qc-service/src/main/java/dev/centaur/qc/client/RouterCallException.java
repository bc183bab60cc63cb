package dev.centaur.qc.client;

/** A call to router-service failed for good (after the retries it allows). */
public final class RouterCallException extends RuntimeException {

    RouterCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
