package dev.centaur.inference.service;

/** The request is valid but the stored state does not allow it (e.g. nothing to roll back to). */
public class FailedPreconditionException extends RuntimeException {

    public FailedPreconditionException(String message) {
        super(message);
    }
}
