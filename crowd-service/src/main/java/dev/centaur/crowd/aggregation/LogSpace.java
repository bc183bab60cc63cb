package dev.centaur.crowd.aggregation;

/** Small numeric helpers shared by the probabilistic methods: stable softmax and softplus. */
final class LogSpace {

    private LogSpace() {
    }

    /**
     * Turns the log-scores {@code values[offset .. offset + length)} into a distribution in place,
     * shifting by their maximum first so that no exponent overflows or underflows to all zeros.
     *
     * @return the log of the sum of the exponentiated scores (the log normaliser)
     */
    static double softmaxInPlace(double[] values, int offset, int length) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = offset; i < offset + length; i++) {
            max = Math.max(max, values[i]);
        }
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            values[i] = Math.exp(values[i] - max);
            sum += values[i];
        }
        for (int i = offset; i < offset + length; i++) {
            values[i] /= sum;
        }
        return max + Math.log(sum);
    }

    /** log(1 + e^x) without overflow for large x nor loss of precision for very negative x. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** Chooses a label per item from flat posteriors, with the shared tie-breaking rule. */
    static int[] chooseLabels(double[] posteriors, int labelCount, Answers answers) {
        int itemCount = answers.itemCount();
        int[] chosen = new int[itemCount];
        double[] row = new double[labelCount];
        for (int item = 0; item < itemCount; item++) {
            System.arraycopy(posteriors, item * labelCount, row, 0, labelCount);
            chosen[item] = LabelChoice.argmax(row, answers.modelDistribution(item));
        }
        return chosen;
    }
}
