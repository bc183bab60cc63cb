package dev.centaur.inference.calibration;

import java.util.Arrays;

/** Accuracy and expected calibration error of predicted distributions against true labels. */
public final class CalibrationMetrics {

    /** The usual number of equal-width confidence bins for ECE. */
    public static final int DEFAULT_ECE_BINS = 15;

    private CalibrationMetrics() {
    }

    /** Index of the largest value (the first one on ties). */
    public static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Share of items whose most probable label is the true one; NaN for no items. */
    public static double accuracy(double[][] probabilities, int[] labels) {
        if (probabilities.length == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (argmax(probabilities[i]) == labels[i]) {
                correct++;
            }
        }
        return (double) correct / probabilities.length;
    }

    /**
     * Accuracy on the {@code share} of items the model is most confident about (highest max
     * probability; ties keep input order): what auto-labeling that share would achieve. NaN when
     * the share holds no item.
     */
    public static double accuracyOfMostConfident(double[][] probabilities, int[] labels, double share) {
        int count = (int) Math.floor(probabilities.length * share);
        if (count == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[probabilities.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(
                probabilities[y][argmax(probabilities[y])], probabilities[x][argmax(probabilities[x])]));
        int correct = 0;
        for (int k = 0; k < count; k++) {
            if (argmax(probabilities[order[k]]) == labels[order[k]]) {
                correct++;
            }
        }
        return (double) correct / count;
    }

    /** Probability given to the true label when it is 0, so one confident miss costs ln(1e15), not infinity. */
    public static final double LOG_LOSS_FLOOR = 1e-15;

    /**
     * Log loss: mean over items of -ln(probability of the true label), the probability floored at
     * {@link #LOG_LOSS_FLOOR}. NaN for no items.
     */
    public static double logLoss(double[][] probabilities, int[] labels) {
        if (probabilities.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            sum -= Math.log(Math.max(LOG_LOSS_FLOOR, probabilities[i][labels[i]]));
        }
        return sum / probabilities.length;
    }

    /**
     * Expected calibration error: items binned by confidence (max probability) into {@code bins}
     * equal-width bins of [0, 1] (a confidence of exactly 1 goes in the last), then
     * sum over bins of (items in bin / items) * |accuracy in bin - mean confidence in bin|.
     * NaN for no items.
     */
    public static double expectedCalibrationError(double[][] probabilities, int[] labels, int bins) {
        if (probabilities.length == 0) {
            return Double.NaN;
        }
        int[] counts = new int[bins];
        int[] correct = new int[bins];
        double[] confidenceSums = new double[bins];
        for (int i = 0; i < probabilities.length; i++) {
            int predicted = argmax(probabilities[i]);
            double confidence = probabilities[i][predicted];
            int bin = Math.min(bins - 1, (int) Math.floor(confidence * bins));
            counts[bin]++;
            confidenceSums[bin] += confidence;
            if (predicted == labels[i]) {
                correct[bin]++;
            }
        }
        double error = 0;
        for (int b = 0; b < bins; b++) {
            if (counts[b] > 0) {
                double gap = (double) correct[b] / counts[b] - confidenceSums[b] / counts[b];
                error += (double) counts[b] / probabilities.length * Math.abs(gap);
            }
        }
        return error;
    }
}
