package dev.centaur.router.routing;

/** The project's routing rule: the model's label is final when max p >= threshold. */
public final class RoutingPolicy {

    private RoutingPolicy() {
    }

    /** Ties go to the label listed first in the project, so the decision is reproducible. */
    public static RoutingDecision decide(double[] distribution, double threshold) {
        if (distribution.length == 0) {
            throw new IllegalArgumentException("empty distribution");
        }
        int best = 0;
        for (int i = 1; i < distribution.length; i++) {
            if (distribution[i] > distribution[best]) {
                best = i;
            }
        }
        double maxProbability = distribution[best];
        return new RoutingDecision(best, maxProbability, maxProbability >= threshold);
    }
}
