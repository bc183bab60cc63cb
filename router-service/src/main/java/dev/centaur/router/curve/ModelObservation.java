package dev.centaur.router.curve;

import dev.centaur.router.routing.RoutingPolicy;

/** One evidence item: the model's confidence (max p) and whether its label matches the reference. */
public record ModelObservation(double maxProbability, boolean modelCorrect) {

    /**
     * From a distribution in the project's label order and the index of the reference label (gold,
     * or the crowd's where no gold exists); the model's label is the one routing would take.
     */
    public static ModelObservation of(double[] distribution, int referenceLabel) {
        int predicted = RoutingPolicy.decide(distribution, 1).labelIndex();
        return new ModelObservation(distribution[predicted], predicted == referenceLabel);
    }
}
