package dev.centaur.router.error;

/** The request is well formed but the state does not allow it (e.g. nothing to fine-tune on). */
public final class FailedPreconditionException extends RouterException {

    public FailedPreconditionException(String message) {
        super(message);
    }
}
