package dev.centaur.inference.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalibrationMetricsTest {

    @Test
    void accuracyCountsItemsWhoseMostProbableLabelIsTrue() {
        double[][] probabilities = {{0.9, 0.1}, {0.4, 0.6}, {0.7, 0.3}};
        assertEquals(2.0 / 3, CalibrationMetrics.accuracy(probabilities, new int[] {0, 0, 0}), 1e-12);
    }

    @Test
    void argmaxTakesTheFirstOfTies() {
        assertEquals(1, CalibrationMetrics.argmax(new double[] {0.2, 0.4, 0.4}));
    }

    @Test
    void eceWeighsEachBinsGapByItsShareOfItems() {
        // 15 bins of width 1/15: 0.95 -> bin 14 (one right, one wrong), 0.65 -> bin 9, 0.55 -> bin 8.
        double[][] probabilities = {{0.95, 0.05}, {0.95, 0.05}, {0.35, 0.65}, {0.55, 0.45}};
        int[] labels = {0, 1, 1, 0};
        double expected = 0.5 * Math.abs(0.5 - 0.95) + 0.25 * Math.abs(1 - 0.65) + 0.25 * Math.abs(1 - 0.55);
        assertEquals(0.425, expected, 1e-12);
        assertEquals(expected, CalibrationMetrics.expectedCalibrationError(probabilities, labels, 15), 1e-12);
    }

    @Test
    void eceOfPerfectlyCalibratedBinIsZeroAndFullConfidenceFallsInLastBin() {
        double[][] probabilities = {{0.75, 0.25}, {0.75, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {1.0, 0.0}};
        int[] labels = {0, 0, 0, 0, 0};
        // Bin of 0.75: accuracy 3/4 = confidence 0.75; the confident item is right: gap 0 too.
        assertEquals(0.0, CalibrationMetrics.expectedCalibrationError(probabilities, labels, 15), 1e-12);
    }

    @Test
    void accuracyOfMostConfidentCountsOnlyTheTopShare() {
        // Confidences 0.9 (right), 0.8 (wrong), 0.7 (right), 0.6 (wrong): top half = 0.9 and 0.8.
        double[][] probabilities = {{0.6, 0.4}, {0.9, 0.1}, {0.3, 0.7}, {0.2, 0.8}};
        int[] labels = {1, 0, 1, 0};
        assertEquals(0.5, CalibrationMetrics.accuracyOfMostConfident(probabilities, labels, 0.5), 1e-12);
        assertEquals(1.0, CalibrationMetrics.accuracyOfMostConfident(probabilities, labels, 0.25), 1e-12);
        assertEquals(0.5, CalibrationMetrics.accuracyOfMostConfident(probabilities, labels, 1.0), 1e-12);
        assertTrue(Double.isNaN(CalibrationMetrics.accuracyOfMostConfident(probabilities, labels, 0.1)));
    }

    @Test
    void logLossIsTheMeanNegativeLogOfTheTrueLabelsProbabilityFlooredForZero() {
        double[][] p = {{0.8, 0.2}, {0.25, 0.75}, {1.0, 0.0}};
        assertEquals(-(Math.log(0.8) + Math.log(0.25)) / 2, CalibrationMetrics.logLoss(
                new double[][] {p[0], p[1]}, new int[] {0, 0}), 1e-12);
        assertEquals(-Math.log(CalibrationMetrics.LOG_LOSS_FLOOR), CalibrationMetrics.logLoss(
                new double[][] {p[2]}, new int[] {1}), 1e-9);
        assertTrue(Double.isNaN(CalibrationMetrics.logLoss(new double[0][], new int[0])));
    }

    @Test
    void metricsOfNoItemsAreNaN() {
        assertTrue(Double.isNaN(CalibrationMetrics.accuracy(new double[0][], new int[0])));
        assertTrue(Double.isNaN(CalibrationMetrics.expectedCalibrationError(new double[0][], new int[0], 15)));
    }
}
