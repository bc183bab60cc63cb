package dev.centaur.crowd.aggregation;

/**
 * Answers grouped by item in compressed-sparse-row form: the answers of item {@code i} are the
 * positions {@code start[i] .. start[i + 1]} of {@link #workers} and {@link #labels}. Built once per
 * fit by a counting sort (linear time), so the E-steps walk each item's answers contiguously.
 */
final class ItemGroups {

    final int itemCount;
    final int[] start;
    final int[] workers;
    final int[] labels;

    private ItemGroups(int itemCount, int[] start, int[] workers, int[] labels) {
        this.itemCount = itemCount;
        this.start = start;
        this.workers = workers;
        this.labels = labels;
    }

    static ItemGroups of(Answers answers) {
        int itemCount = answers.itemCount();
        int[] items = answers.items();
        int[] start = new int[itemCount + 1];
        for (int item : items) {
            start[item + 1]++;
        }
        for (int item = 0; item < itemCount; item++) {
            start[item + 1] += start[item];
        }
        int[] next = new int[itemCount];
        System.arraycopy(start, 0, next, 0, itemCount);
        int[] workers = new int[items.length];
        int[] labels = new int[items.length];
        int[] answerWorkers = answers.workers();
        int[] answerLabels = answers.labels();
        for (int k = 0; k < items.length; k++) {
            int position = next[items[k]]++;
            workers[position] = answerWorkers[k];
            labels[position] = answerLabels[k];
        }
        return new ItemGroups(itemCount, start, workers, labels);
    }

    int answerCount(int item) {
        return start[item + 1] - start[item];
    }

    /** Number of answers in all. */
    int size() {
        return workers.length;
    }
}
