package dev.centaur.crowd.client;

/** Router could not be reached or did not answer within the deadline: worth retrying later. */
public class RouterUnavailableException extends RuntimeException {

    public RouterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
