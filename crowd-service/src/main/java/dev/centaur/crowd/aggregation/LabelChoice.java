package dev.centaur.crowd.aggregation;

/** Choosing a label from scores, with the tie-breaking rule every method shares. */
public final class LabelChoice {

    private LabelChoice() {
    }

    /**
     * The index of the highest score. Ties go to the label the model prefers when a model
     * distribution is given, and then to the label that comes first in the project's order, so the
     * choice never depends on the order answers arrived in.
     *
     * @param modelDistribution the model's distribution over the same labels, or null
     */
    public static int argmax(double[] scores, double[] modelDistribution) {
        int best = 0;
        for (int label = 1; label < scores.length; label++) {
            if (scores[label] > scores[best]
                    || (scores[label] == scores[best] && modelDistribution != null
                            && modelDistribution[label] > modelDistribution[best])) {
                best = label;
            }
        }
        return best;
    }
}
