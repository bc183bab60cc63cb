package dev.centaur.router.error;

/** The request would create something that exists already. */
public final class AlreadyExistsException extends RouterException {

    public AlreadyExistsException(String message) {
        super(message);
    }
}
