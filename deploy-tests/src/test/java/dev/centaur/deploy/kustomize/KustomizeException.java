package dev.centaur.deploy.kustomize;

/** A kustomization this renderer cannot render, with the file and the reason. */
public class KustomizeException extends RuntimeException {
    public KustomizeException(String message) {
        super(message);
    }
}
