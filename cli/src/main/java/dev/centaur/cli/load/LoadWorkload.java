package dev.centaur.cli.load;

import dev.centaur.cli.dataset.Dataset;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.cli.dataset.GeneratedDataset;
import dev.centaur.cli.demo.AccuracyAnnotator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The items of a load run, generated in code (the demo's seeded three-topic texts): a golden set
 * the model trains on, then the items SubmitItems sends, cut into batches in order, and the
 * simulated annotators, who answer from the gold labels.
 */
public final class LoadWorkload {

    private final Dataset dataset;
    private final List<DatasetItem> golden;
    private final List<DatasetItem> submitted;
    private final int batchSize;
    private final long seed;

    private LoadWorkload(Dataset dataset, int goldenCount, int batchSize, long seed) {
        this.dataset = dataset;
        this.golden = dataset.items().subList(0, goldenCount);
        this.submitted = dataset.items().subList(goldenCount, dataset.items().size());
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** {@code batches} batches of {@code batchSize} items to submit, after {@code goldenCount} golden items. */
    public static LoadWorkload generate(long seed, int goldenCount, int batches, int batchSize) {
        if (goldenCount < 2 || batches < 1 || batchSize < 1) {
            throw new IllegalArgumentException("need at least 2 golden items, 1 batch and 1 item per batch");
        }
        long items = (long) goldenCount + (long) batches * batchSize;
        if (items > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many items for one run: " + items);
        }
        Dataset dataset = GeneratedDataset.generate(seed, (int) items, 0).dataset();
        return new LoadWorkload(dataset, goldenCount, batchSize, seed);
    }

    /**
     * Batches a pacer at {@code callsPerSecond} fires in {@code seconds}: one per intended time in
     * [0, seconds), i.e. ceil(rate x seconds).
     */
    public static int batchesFor(double callsPerSecond, double seconds) {
        double batches = Math.ceil(callsPerSecond * seconds - 1e-9);
        if (batches > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many calls for one run: " + batches);
        }
        return Math.max(1, (int) batches);
    }

    public List<String> labels() {
        return dataset.labels();
    }

    public String instructions() {
        return dataset.instructions();
    }

    public Map<String, String> gold() {
        return dataset.gold();
    }

    public List<DatasetItem> golden() {
        return golden;
    }

    public int batchCount() {
        return submitted.size() / batchSize;
    }

    /** Batch {@code index} (0-based) of the items to submit. */
    public List<DatasetItem> batch(int index) {
        if (index < 0 || index >= batchCount()) {
            throw new IndexOutOfBoundsException("batch " + index + " of " + batchCount());
        }
        return submitted.subList(index * batchSize, (index + 1) * batchSize);
    }

    /** The first {@code count} items to submit (a sample for the model's confidence before the run). */
    public List<DatasetItem> sample(int count) {
        return submitted.subList(0, Math.min(count, submitted.size()));
    }

    /** {@code count} annotators with the demo's seeded accuracies, answering from gold. */
    public List<AccuracyAnnotator> annotators(int count) {
        return GeneratedDataset.annotatorProfiles(seed, count).stream()
                .map(p -> new AccuracyAnnotator(p.name(), p.accuracy(), seed, dataset.gold(), dataset.labels())).toList();
    }

    /**
     * The threshold that sends about {@code crowdShare} of items to the crowd, given the model's
     * highest probability for each item of a sample: items with max p at or above it get the
     * model's label. 1 sends everything (but a certain model) to the crowd, 0 nothing.
     */
    public static double thresholdForCrowdShare(double[] maxProbabilities, double crowdShare) {
        if (crowdShare < 0 || crowdShare > 1) {
            throw new IllegalArgumentException("crowd share must be in [0, 1], was " + crowdShare);
        }
        if (crowdShare == 1 || maxProbabilities.length == 0) {
            return 1.0;
        }
        if (crowdShare == 0) {
            return 0.0;
        }
        double[] sorted = maxProbabilities.clone();
        Arrays.sort(sorted);
        int toCrowd = (int) Math.round(crowdShare * sorted.length);
        if (toCrowd >= sorted.length) {
            return 1.0;
        }
        // The item at index toCrowd is the first to keep its model label; those below go to the crowd.
        return toCrowd == 0 ? 0.0 : (sorted[toCrowd - 1] + sorted[toCrowd]) / 2;
    }
}
