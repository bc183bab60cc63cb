package dev.centaur.inference.model;

/** Told how far a training is, as a fraction in [0, 1] that never decreases. */
@FunctionalInterface
public interface TrainingProgress {

    TrainingProgress NONE = fraction -> {
    };

    void reached(double fraction);
}
