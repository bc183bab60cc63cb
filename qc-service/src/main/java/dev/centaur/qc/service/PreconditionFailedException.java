package dev.centaur.qc.service;

/** The request is well formed but the review's state forbids it (not held, already answered). */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
