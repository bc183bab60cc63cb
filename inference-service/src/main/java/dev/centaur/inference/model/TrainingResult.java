package dev.centaur.inference.model;

/**
 * A trained, calibrated classifier and what was measured on its held-out part.
 *
 * @param classifier ready to predict (rebuilt from {@code weights}, as a reload would be)
 * @param weights the serialized network parameters
 * @param temperature the fitted calibration temperature
 * @param heldoutAccuracy accuracy on the held-out part (NaN when nothing was held out)
 * @param heldoutEceUncalibrated expected calibration error at temperature 1
 * @param heldoutEce expected calibration error at the fitted temperature
 * @param heldoutLogLossUncalibrated log loss at temperature 1
 * @param heldoutLogLoss log loss at the fitted temperature
 * @param trainExamples examples trained on
 * @param heldoutExamples examples held out
 * @param heldoutIndices which examples were held out (indices into the training request, sorted)
 * @param crossFitted whether the temperature came from out-of-fold logits of the training part
 * @param trainingMillis wall time of featurizing, training and calibrating
 */
public record TrainingResult(
        TextClassifier classifier,
        byte[] weights,
        double temperature,
        double heldoutAccuracy,
        double heldoutEceUncalibrated,
        double heldoutEce,
        double heldoutLogLossUncalibrated,
        double heldoutLogLoss,
        int trainExamples,
        int heldoutExamples,
        int[] heldoutIndices,
        boolean crossFitted,
        long trainingMillis) {
}
