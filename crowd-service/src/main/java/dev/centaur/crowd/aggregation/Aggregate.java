package dev.centaur.crowd.aggregation;

/**
 * The outcome of fitting an {@link Aggregator}: for every item index, the chosen label index and
 * the posterior distribution over labels (non-negative, summing to 1). Posteriors are kept in one
 * flat array (item-major), so a million items cost one allocation, not a million.
 */
public final class Aggregate {

    private final int[] labels;
    private final double[] posteriors;
    private final int labelCount;

    /** Takes ownership of the arrays: {@code posteriors[item]} is the distribution of that item. */
    public Aggregate(int[] labels, double[][] posteriors) {
        if (labels.length != posteriors.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + posteriors.length + " posteriors");
        }
        this.labels = labels;
        this.labelCount = posteriors.length == 0 ? 0 : posteriors[0].length;
        this.posteriors = new double[labels.length * labelCount];
        for (int item = 0; item < posteriors.length; item++) {
            System.arraycopy(posteriors[item], 0, this.posteriors, item * labelCount, labelCount);
        }
    }

    private Aggregate(int[] labels, double[] posteriors, int labelCount) {
        this.labels = labels;
        this.posteriors = posteriors;
        this.labelCount = labelCount;
    }

    /**
     * Takes ownership of a flat posterior array: the distribution of item {@code i} is
     * {@code posteriors[i * labelCount .. (i + 1) * labelCount)}.
     */
    public static Aggregate ofFlat(int[] labels, double[] posteriors, int labelCount) {
        if ((long) labels.length * labelCount != posteriors.length) {
            throw new IllegalArgumentException(labels.length + " labels x " + labelCount + " label count for "
                    + posteriors.length + " posterior values");
        }
        return new Aggregate(labels, posteriors, labelCount);
    }

    public int itemCount() {
        return labels.length;
    }

    /** The label index chosen for the item. */
    public int label(int item) {
        return labels[item];
    }

    /** The posterior distribution of the item over the labels (a copy). */
    public double[] posterior(int item) {
        double[] posterior = new double[labelCount];
        System.arraycopy(posteriors, item * labelCount, posterior, 0, labelCount);
        return posterior;
    }

    /** The posterior probability of the chosen label: the aggregate's confidence in it. */
    public double confidence(int item) {
        return posteriors[item * labelCount + labels[item]];
    }

    /** The chosen label index of every item (a copy). */
    public int[] labels() {
        return labels.clone();
    }
}
