package dev.centaur.inference.batching;

/**
 * The batch queue was closed (its model retired as the service stops) before the items ran; the
 * caller should retry, on another replica if this one is going away.
 */
public class BatcherClosedException extends IllegalStateException {

    public BatcherClosedException(String message) {
        super(message);
    }
}
