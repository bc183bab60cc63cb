package dev.centaur.inference.service;

/** Too much work is waiting already (the FineTune job queue is full); try again later. */
public class ResourceExhaustedException extends RuntimeException {

    public ResourceExhaustedException(String message) {
        super(message);
    }
}
