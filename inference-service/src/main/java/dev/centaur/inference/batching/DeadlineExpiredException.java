package dev.centaur.inference.batching;

/** A job's deadline passed before its forward pass began, so it was dropped unrun. */
public class DeadlineExpiredException extends RuntimeException {

    public DeadlineExpiredException(String message) {
        super(message);
    }
}
