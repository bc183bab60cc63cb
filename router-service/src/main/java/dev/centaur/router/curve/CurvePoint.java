package dev.centaur.router.curve;

/**
 * The curve at one threshold: how many evidence items the model would label (covered), the
 * coverage, the accuracies, and the expected cost per item, each with its 95% interval.
 */
public record CurvePoint(double threshold, long covered, Interval coverage, Interval modelAccuracy,
        Interval crowdAccuracy, Interval overallAccuracy, Interval costPerItem) {
}
