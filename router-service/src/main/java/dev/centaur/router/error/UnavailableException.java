package dev.centaur.router.error;

/** A peer router needs for the request is down or too slow: the caller may try again later. */
public final class UnavailableException extends RouterException {

    public UnavailableException(String message) {
        super(message);
    }
}
