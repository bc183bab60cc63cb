package dev.centaur.router.routing;

/** The model's answer cannot be used for the project: other labels, or not a distribution. */
public final class MalformedPredictionException extends Exception {

    public MalformedPredictionException(String message) {
        super(message);
    }
}
