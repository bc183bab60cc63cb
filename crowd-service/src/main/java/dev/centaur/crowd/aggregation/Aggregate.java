package dev.centaur.crowd.aggregation;

/**
 * The outcome of fitting an {@link Aggregator}: for every item index, the chosen label index and
 * the posterior distribution over labels (non-negative, summing to 1).
 */
public final class Aggregate {

    private final int[] labels;
    private final double[][] posteriors;

    /** Takes ownership of the arrays: {@code posteriors[item]} is the distribution of that item. */
    public Aggregate(int[] labels, double[][] posteriors) {
        if (labels.length != posteriors.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + posteriors.length + " posteriors");
        }
        this.labels = labels;
        this.posteriors = posteriors;
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
        return posteriors[item].clone();
    }

    /** The posterior probability of the chosen label: the aggregate's confidence in it. */
    public double confidence(int item) {
        return posteriors[item][labels[item]];
    }

    /** The chosen label index of every item (a copy). */
    public int[] labels() {
        return labels.clone();
    }
}
