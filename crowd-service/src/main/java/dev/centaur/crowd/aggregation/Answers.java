package dev.centaur.crowd.aggregation;

import java.util.Arrays;

/**
 * Answers of workers to items, indexed once into primitive arrays: answer {@code k} says that
 * worker {@code workers[k]} gave item {@code items[k]} the label {@code labels[k]}. Items, workers
 * and labels are dense indexes from 0. Optionally each item carries the model's distribution over
 * the labels ({@code null} row: none), which methods may use as a prior or a tie-breaker.
 *
 * <p>The arrays are shared, not copied, so that large data sets cost nothing extra; callers must
 * not modify them after construction.
 */
public final class Answers {

    private final int itemCount;
    private final int workerCount;
    private final int labelCount;
    private final int[] items;
    private final int[] workers;
    private final int[] labels;
    private final double[][] modelDistributions;
    /** Prior accuracy of each worker (e.g. from control tasks), NaN when unknown; null: none known. */
    private final double[] workerSkills;

    private Answers(int itemCount, int workerCount, int labelCount, int[] items, int[] workers,
            int[] labels, double[][] modelDistributions, double[] workerSkills) {
        this.itemCount = itemCount;
        this.workerCount = workerCount;
        this.labelCount = labelCount;
        this.items = items;
        this.workers = workers;
        this.labels = labels;
        this.modelDistributions = modelDistributions;
        this.workerSkills = workerSkills;
    }

    /** Answers without model distributions. */
    public static Answers of(int itemCount, int workerCount, int labelCount, int[] items, int[] workers,
            int[] labels) {
        return of(itemCount, workerCount, labelCount, items, workers, labels, new double[itemCount][]);
    }

    /**
     * Answers with a model distribution per item ({@code modelDistributions[i]} is null when item
     * {@code i} has none).
     *
     * @throws IllegalArgumentException when the arrays disagree in length or an index is out of range
     */
    public static Answers of(int itemCount, int workerCount, int labelCount, int[] items, int[] workers,
            int[] labels, double[][] modelDistributions) {
        if (itemCount < 0 || workerCount < 0 || labelCount < 2) {
            throw new IllegalArgumentException("need >= 0 items and workers and >= 2 labels, got "
                    + itemCount + ", " + workerCount + ", " + labelCount);
        }
        if (items.length != workers.length || items.length != labels.length) {
            throw new IllegalArgumentException("items, workers and labels differ in length: "
                    + items.length + ", " + workers.length + ", " + labels.length);
        }
        requireIndexes("item", items, itemCount);
        requireIndexes("worker", workers, workerCount);
        requireIndexes("label", labels, labelCount);
        if (modelDistributions.length != itemCount) {
            throw new IllegalArgumentException("expected " + itemCount + " model distributions, got "
                    + modelDistributions.length);
        }
        for (int item = 0; item < itemCount; item++) {
            double[] distribution = modelDistributions[item];
            if (distribution != null && distribution.length != labelCount) {
                throw new IllegalArgumentException("model distribution of item " + item + " has "
                        + distribution.length + " values for " + labelCount + " labels");
            }
        }
        return new Answers(itemCount, workerCount, labelCount, items, workers, labels, modelDistributions, null);
    }

    private static void requireIndexes(String what, int[] indexes, int count) {
        for (int k = 0; k < indexes.length; k++) {
            if (indexes[k] < 0 || indexes[k] >= count) {
                throw new IllegalArgumentException(what + " index " + indexes[k] + " of answer " + k
                        + " is outside [0, " + count + ")");
            }
        }
    }

    public int itemCount() {
        return itemCount;
    }

    public int workerCount() {
        return workerCount;
    }

    public int labelCount() {
        return labelCount;
    }

    /** Number of answers. */
    public int size() {
        return items.length;
    }

    public int[] items() {
        return items;
    }

    public int[] workers() {
        return workers;
    }

    public int[] labels() {
        return labels;
    }

    /** The model's distribution over the labels for the item, or null when it has none. */
    public double[] modelDistribution(int item) {
        return modelDistributions[item];
    }

    /** True when at least one item carries a model distribution. */
    public boolean hasModelDistributions() {
        for (double[] distribution : modelDistributions) {
            if (distribution != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same answers with a prior accuracy per worker (in [0, 1], NaN when unknown), which
     * methods that model worker reliability use as their starting belief.
     */
    public Answers withWorkerSkills(double[] skills) {
        if (skills.length != workerCount) {
            throw new IllegalArgumentException("expected " + workerCount + " worker skills, got " + skills.length);
        }
        for (int worker = 0; worker < skills.length; worker++) {
            if (!Double.isNaN(skills[worker]) && (skills[worker] < 0 || skills[worker] > 1)) {
                throw new IllegalArgumentException("skill " + skills[worker] + " of worker " + worker
                        + " is outside [0, 1]");
            }
        }
        return new Answers(itemCount, workerCount, labelCount, items, workers, labels, modelDistributions,
                skills.clone());
    }

    /** The worker's prior accuracy, or NaN when unknown. */
    public double workerSkill(int worker) {
        return workerSkills == null ? Double.NaN : workerSkills[worker];
    }

    @Override
    public String toString() {
        return "Answers[items=" + itemCount + ", workers=" + workerCount + ", labels=" + labelCount
                + ", answers=" + items.length + ", first=" + Arrays.toString(Arrays.copyOf(labels,
                        Math.min(labels.length, 5))) + "]";
    }
}
