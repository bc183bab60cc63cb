package dev.centaur.router.routing;

import java.util.Arrays;

/**
 * The project's routing rule: the model's label is final when max p >= the threshold for that
 * label (its own, or the global one, never under the project's floor).
 */
public final class RoutingPolicy {

    private RoutingPolicy() {
    }

    /** One threshold for every label. */
    public static RoutingDecision decide(double[] distribution, double threshold) {
        double[] thresholds = new double[distribution.length];
        Arrays.fill(thresholds, threshold);
        return decide(distribution, thresholds);
    }

    /**
     * Ties go to the label listed first in the project, so the decision is reproducible.
     *
     * @param thresholdByLabel the threshold for each label index, in the project's order
     */
    public static RoutingDecision decide(double[] distribution, double[] thresholdByLabel) {
        if (distribution.length == 0 || thresholdByLabel.length != distribution.length) {
            throw new IllegalArgumentException("distribution of " + distribution.length + " labels with "
                    + thresholdByLabel.length + " thresholds");
        }
        int best = 0;
        for (int i = 1; i < distribution.length; i++) {
            if (distribution[i] > distribution[best]) {
                best = i;
            }
        }
        double maxProbability = distribution[best];
        return new RoutingDecision(best, maxProbability, maxProbability >= thresholdByLabel[best]);
    }

    /**
     * Each label's effective threshold: its own where given (NaN: none), else the global one,
     * and at least the floor.
     */
    public static double[] effectiveThresholds(double global, double[] ownByLabel, double floor) {
        double[] effective = new double[ownByLabel.length];
        for (int i = 0; i < ownByLabel.length; i++) {
            effective[i] = Math.max(Double.isNaN(ownByLabel[i]) ? global : ownByLabel[i], floor);
        }
        return effective;
    }
}
