package dev.centaur.inference.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TemperatureScalingTest {

    private static final double LN3 = Math.log(3);

    @Test
    void softmaxMatchesHandComputedValues() {
        assertArrayEquals(new double[] {0.25, 0.75}, TemperatureScaling.softmax(new double[] {0, LN3}, 1), 1e-12);
        // T = 2 halves the logit gap: e^(ln3/2) = sqrt(3).
        double root3 = Math.sqrt(3);
        assertArrayEquals(new double[] {1 / (1 + root3), root3 / (1 + root3)},
                TemperatureScaling.softmax(new double[] {0, LN3}, 2), 1e-12);
    }

    @Test
    void softmaxIsStableForHugeLogits() {
        double[] probabilities = TemperatureScaling.softmax(new double[] {1000, 1000 + LN3}, 1);
        assertArrayEquals(new double[] {0.25, 0.75}, probabilities, 1e-12);
    }

    @Test
    void negativeLogLikelihoodIsTheMeanOfMinusLogTrueProbability() {
        double[][] logits = {{0, LN3}, {0, LN3}};
        double expected = (-Math.log(0.75) - Math.log(0.25)) / 2;
        assertEquals(expected, TemperatureScaling.negativeLogLikelihood(logits, new int[] {1, 0}, 1), 1e-12);
    }

    @Test
    void fitFindsTheTemperatureThatMatchesConfidenceToAccuracy() {
        // Every item has logit gap 2 ln 3, and 3 of 4 are right: the NLL is least where
        // sigmoid(2 ln 3 / T) = 3/4, i.e. 2 ln 3 / T = ln 3, T = 2.
        double[][] logits = {{0, 2 * LN3}, {0, 2 * LN3}, {0, 2 * LN3}, {0, 2 * LN3}};
        int[] labels = {1, 1, 1, 0};
        assertEquals(2.0, TemperatureScaling.fit(logits, labels), 1e-3);
    }

    @Test
    void fitSharpensUnderconfidentLogits() {
        // Gap ln 3 / 2 with 3 of 4 right wants T = 1/2.
        double[][] logits = {{0, LN3 / 2}, {0, LN3 / 2}, {0, LN3 / 2}, {0, LN3 / 2}};
        assertEquals(0.5, TemperatureScaling.fit(logits, new int[] {1, 1, 1, 0}), 1e-3);
    }

    @Test
    void fitStaysInRangeWhenEverythingIsRightAndIsOneWithoutData() {
        double[][] logits = {{0, 1}, {1, 0}};
        double temperature = TemperatureScaling.fit(logits, new int[] {1, 0});
        assertTrue(temperature >= TemperatureScaling.MIN_TEMPERATURE && temperature < 0.06, "T=" + temperature);
        assertEquals(1.0, TemperatureScaling.fit(new double[0][], new int[0]));
    }
}
