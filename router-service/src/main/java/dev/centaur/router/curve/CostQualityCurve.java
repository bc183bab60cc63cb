package dev.centaur.router.curve;

import java.util.ArrayList;
import java.util.List;

/**
 * The cost-quality curve: for each threshold, what the model would label of the evidence, how
 * accurate that is, and what the mix of model and crowd would give overall and cost per item.
 * The overall interval combines the ends of the parts' intervals (the worst and best case over
 * the coverage interval), which is wider than needed, never narrower. Observations count with
 * their weights (1 but for qc-reviewed items), intervals at the weights' effective sample size.
 */
public final class CostQualityCurve {

    private CostQualityCurve() {
    }

    public static List<CurvePoint> compute(List<ModelObservation> evidence, CrowdAccuracy crowd, CostModel costs,
            CurveSettings settings) {
        List<CurvePoint> points = new ArrayList<>();
        for (double threshold : settings.thresholds()) {
            points.add(pointAt(threshold, evidence, crowd, costs, settings.z()));
        }
        return points;
    }

    public static CurvePoint pointAt(double threshold, List<ModelObservation> evidence, CrowdAccuracy crowd,
            CostModel costs, double z) {
        long covered = 0;
        double totalWeight = 0;
        double totalSquares = 0;
        double coveredWeight = 0;
        double coveredSquares = 0;
        double correctWeight = 0;
        for (ModelObservation observation : evidence) {
            double weight = observation.weight();
            totalWeight += weight;
            totalSquares += weight * weight;
            if (observation.maxProbability() >= threshold) {
                covered++;
                coveredWeight += weight;
                coveredSquares += weight * weight;
                if (observation.modelCorrect()) {
                    correctWeight += weight;
                }
            }
        }
        Interval coverage = Wilson.weighted(coveredWeight, totalWeight, totalSquares, z);
        Interval model = Wilson.weighted(correctWeight, coveredWeight, coveredSquares, z);
        Interval crowdAccuracy = crowd.accuracy();
        Interval overall = new Interval(
                mix(coverage.estimate(), model.estimate(), crowdAccuracy.estimate()),
                Math.min(mix(coverage.low(), model.low(), crowdAccuracy.low()),
                        mix(coverage.high(), model.low(), crowdAccuracy.low())),
                Math.max(mix(coverage.low(), model.high(), crowdAccuracy.high()),
                        mix(coverage.high(), model.high(), crowdAccuracy.high())));
        // More coverage is cheaper, so the cost's low end comes from the coverage's high end.
        Interval cost = new Interval(costs.costPerItem(coverage.estimate()), costs.costPerItem(coverage.high()),
                costs.costPerItem(coverage.low()));
        return new CurvePoint(threshold, covered, coverage, model, crowdAccuracy, overall, cost);
    }

    private static double mix(double coverage, double modelAccuracy, double crowdAccuracy) {
        return coverage * modelAccuracy + (1 - coverage) * crowdAccuracy;
    }
}
