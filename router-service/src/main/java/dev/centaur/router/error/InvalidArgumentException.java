package dev.centaur.router.error;

/** A field of the request has a bad value; the message names the field and the value. */
public final class InvalidArgumentException extends RouterException {

    public InvalidArgumentException(String message) {
        super(message);
    }
}
