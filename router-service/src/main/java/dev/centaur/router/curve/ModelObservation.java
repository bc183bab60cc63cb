package dev.centaur.router.curve;

import dev.centaur.router.routing.RoutingPolicy;

/**
 * One evidence item: the model's confidence (max p), whether its label matches the reference, and
 * how many items it stands for (1, or its route's weight for a qc-reviewed item; see RouteWeights).
 */
public record ModelObservation(double maxProbability, boolean modelCorrect, double weight) {

    public ModelObservation {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight " + weight);
        }
    }

    public ModelObservation(double maxProbability, boolean modelCorrect) {
        this(maxProbability, modelCorrect, 1);
    }

    /**
     * From a distribution in the project's label order and the index of the reference label (gold,
     * the experts', or the crowd's where neither exists); the model's label is the one routing would take.
     */
    public static ModelObservation of(double[] distribution, int referenceLabel) {
        return of(distribution, referenceLabel, 1);
    }

    public static ModelObservation of(double[] distribution, int referenceLabel, double weight) {
        int predicted = RoutingPolicy.decide(distribution, 1).labelIndex();
        return new ModelObservation(distribution[predicted], predicted == referenceLabel, weight);
    }
}
