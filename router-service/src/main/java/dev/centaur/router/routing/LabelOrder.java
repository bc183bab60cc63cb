package dev.centaur.router.routing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Re-orders a model's distributions into the project's label order, matching labels by name.
 * The model must know exactly the project's labels: a missing or extra label would silently
 * shift probability mass, so it is refused.
 */
public final class LabelOrder {

    /** How far a distribution's sum may be from 1 (float rounding in the model). */
    static final double SUM_TOLERANCE = 1e-3;

    private final List<String> projectLabels;
    private final int[] modelIndexOfProjectLabel;

    private LabelOrder(List<String> projectLabels, int[] modelIndexOfProjectLabel) {
        this.projectLabels = projectLabels;
        this.modelIndexOfProjectLabel = modelIndexOfProjectLabel;
    }

    public static LabelOrder between(List<String> projectLabels, List<String> modelLabels)
            throws MalformedPredictionException {
        Map<String, Integer> modelIndex = new HashMap<>();
        for (int i = 0; i < modelLabels.size(); i++) {
            modelIndex.putIfAbsent(modelLabels.get(i), i);
        }
        boolean sameSet = modelIndex.size() == modelLabels.size()
                && modelLabels.size() == projectLabels.size()
                && new HashSet<>(projectLabels).equals(modelIndex.keySet());
        if (!sameSet) {
            throw new MalformedPredictionException(
                    "model labels " + modelLabels + " differ from the project's labels " + projectLabels);
        }
        int[] order = new int[projectLabels.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = modelIndex.get(projectLabels.get(i));
        }
        return new LabelOrder(List.copyOf(projectLabels), order);
    }

    /** The distribution in the project's label order; refuses anything that is not a distribution. */
    public double[] toProjectOrder(String itemId, List<Double> modelProbabilities)
            throws MalformedPredictionException {
        if (modelProbabilities.size() != modelIndexOfProjectLabel.length) {
            throw new MalformedPredictionException("prediction for item \"" + itemId + "\" has "
                    + modelProbabilities.size() + " probabilities for " + projectLabels.size() + " labels");
        }
        double[] distribution = new double[modelIndexOfProjectLabel.length];
        double sum = 0;
        for (int i = 0; i < distribution.length; i++) {
            double p = modelProbabilities.get(modelIndexOfProjectLabel[i]);
            if (!(p >= 0 && p <= 1)) {
                throw new MalformedPredictionException("prediction for item \"" + itemId + "\" has probability "
                        + p + " for label \"" + projectLabels.get(i) + "\"");
            }
            distribution[i] = p;
            sum += p;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new MalformedPredictionException(
                    "prediction for item \"" + itemId + "\" sums to " + sum + ", not 1");
        }
        return distribution;
    }
}
