package dev.centaur.inference.calibration;

/**
 * Temperature scaling (Guo et al., 2017): one scalar T divides every logit, fitted on held-out
 * logits by minimising the negative log-likelihood. It changes confidence, never the argmax.
 */
public final class TemperatureScaling {

    /** Search range for T; outside it the model is either useless or the held-out set too small. */
    public static final double MIN_TEMPERATURE = 0.05;
    public static final double MAX_TEMPERATURE = 20.0;
    private static final double INVERSE_GOLDEN_RATIO = (Math.sqrt(5) - 1) / 2;
    private static final double LOG_T_TOLERANCE = 1e-5;

    private TemperatureScaling() {
    }

    /** softmax(logits / T), computed stably (the largest logit is subtracted first). */
    public static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit / temperature);
        }
        double[] probabilities = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = Math.exp(logits[i] / temperature - max);
            sum += probabilities[i];
        }
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }

    /** Mean of -log softmax(logits / T)[label] over the items. */
    public static double negativeLogLikelihood(double[][] logits, int[] labels, double temperature) {
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            total -= logSoftmaxAt(logits[i], temperature, labels[i]);
        }
        return total / logits.length;
    }

    /**
     * The T in [{@link #MIN_TEMPERATURE}, {@link #MAX_TEMPERATURE}] that minimises the held-out NLL,
     * by golden-section search over log T (the NLL is unimodal in it in practice, and log spacing
     * treats 0.5 and 2 alike). 1 when there is nothing to fit on.
     */
    public static double fit(double[][] logits, int[] labels) {
        if (logits.length == 0) {
            return 1.0;
        }
        double low = Math.log(MIN_TEMPERATURE);
        double high = Math.log(MAX_TEMPERATURE);
        double left = high - INVERSE_GOLDEN_RATIO * (high - low);
        double right = low + INVERSE_GOLDEN_RATIO * (high - low);
        double leftLoss = negativeLogLikelihood(logits, labels, Math.exp(left));
        double rightLoss = negativeLogLikelihood(logits, labels, Math.exp(right));
        while (high - low > LOG_T_TOLERANCE) {
            if (leftLoss <= rightLoss) {
                high = right;
                right = left;
                rightLoss = leftLoss;
                left = high - INVERSE_GOLDEN_RATIO * (high - low);
                leftLoss = negativeLogLikelihood(logits, labels, Math.exp(left));
            } else {
                low = left;
                left = right;
                leftLoss = rightLoss;
                right = low + INVERSE_GOLDEN_RATIO * (high - low);
                rightLoss = negativeLogLikelihood(logits, labels, Math.exp(right));
            }
        }
        return Math.exp((low + high) / 2);
    }

    private static double logSoftmaxAt(double[] logits, double temperature, int index) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit / temperature);
        }
        double sum = 0;
        for (double logit : logits) {
            sum += Math.exp(logit / temperature - max);
        }
        return logits[index] / temperature - max - Math.log(sum);
    }
}
