package dev.centaur.inference.batching;

/** The model's queue cannot take the submitted items now; the caller should retry later. */
public class QueueFullException extends RuntimeException {

    public QueueFullException(String message) {
        super(message);
    }
}
