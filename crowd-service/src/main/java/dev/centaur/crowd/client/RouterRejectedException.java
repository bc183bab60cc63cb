package dev.centaur.crowd.client;

/** Router answered with an error about this one report (for example an unknown project). */
public class RouterRejectedException extends RuntimeException {

    public RouterRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
