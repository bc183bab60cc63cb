package dev.centaur.router.bench;

import dev.centaur.router.curve.CostModel;
import dev.centaur.router.curve.CostQualityCurve;
import dev.centaur.router.curve.CrowdAccuracy;
import dev.centaur.router.curve.CurvePoint;
import dev.centaur.router.curve.ModelObservation;
import dev.centaur.router.curve.RouteWeights;
import dev.centaur.router.curve.Wilson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How far qc-reviewed items put the curve from the truth, by how they are used: model-labeled
 * reviews alone, both routes unweighted, both routes weighted by route (RouteWeights). Simulated:
 * a calibrated binary model (max p = 0.5 + 0.5 sqrt(U), right with probability max p), threshold in
 * force 0.8, qc_rate 0.05 of final labels, and only a share of the crowd-routed items labeled yet
 * (the crowd's lag). Prints mean estimate and mean absolute error over the runs. Not a test:
 * {@code java -cp <test classpath> dev.centaur.router.bench.QcEvidenceBiasBench}.
 */
public final class QcEvidenceBiasBench {

    private static final int ITEMS = 20_000;
    private static final int RUNS = 200;
    private static final double THRESHOLD_IN_FORCE = 0.8;
    private static final double QC_RATE = 0.05;
    private static final double[] CROWD_LABELED_SHARES = {1.0, 0.4};
    private static final double[] THRESHOLDS = {0.6, 0.7, 0.8, 0.9};
    private static final CostModel COSTS = new CostModel(0, 3, 0.05, QC_RATE, 1);
    private static final CrowdAccuracy CROWD = CrowdAccuracy.of(0, 0, 0.9, Wilson.Z_95);

    private QcEvidenceBiasBench() {
    }

    public static void main(String[] args) {
        System.out.println("crowd labeled | t    | truth cov/acc  | model reviews alone   | both routes unweighted | both routes weighted");
        for (double crowdLabeled : CROWD_LABELED_SHARES) {
            double[][] sums = new double[THRESHOLDS.length][8];
            double[][] errors = new double[THRESHOLDS.length][6];
            for (int run = 0; run < RUNS; run++) {
                Random random = new Random(run);
                List<ModelObservation> all = new ArrayList<>();
                List<ModelObservation> modelReviews = new ArrayList<>();
                List<ModelObservation> crowdReviews = new ArrayList<>();
                long toModel = 0;
                for (int i = 0; i < ITEMS; i++) {
                    double p = 0.5 + 0.5 * Math.sqrt(random.nextDouble());
                    ModelObservation item = new ModelObservation(p, random.nextDouble() < p);
                    all.add(item);
                    boolean modelRouted = p >= THRESHOLD_IN_FORCE;
                    toModel += modelRouted ? 1 : 0;
                    boolean labeled = modelRouted || random.nextDouble() < crowdLabeled;
                    if (labeled && random.nextDouble() < QC_RATE) {
                        (modelRouted ? modelReviews : crowdReviews).add(item);
                    }
                }
                RouteWeights weights = RouteWeights.of(toModel, ITEMS - toModel, modelReviews.size(),
                        crowdReviews.size(), 1);
                List<ModelObservation> union = new ArrayList<>(modelReviews);
                union.addAll(crowdReviews);
                List<ModelObservation> weighted = new ArrayList<>();
                modelReviews.forEach(o -> weighted.add(new ModelObservation(o.maxProbability(), o.modelCorrect(),
                        weights.modelRouted())));
                crowdReviews.forEach(o -> weighted.add(new ModelObservation(o.maxProbability(), o.modelCorrect(),
                        weights.crowdRouted())));
                List<List<ModelObservation>> estimators = List.of(all, modelReviews, union, weighted);
                for (int t = 0; t < THRESHOLDS.length; t++) {
                    for (int e = 0; e < estimators.size(); e++) {
                        CurvePoint point = CostQualityCurve.pointAt(THRESHOLDS[t], estimators.get(e), CROWD, COSTS,
                                Wilson.Z_95);
                        sums[t][2 * e] += point.coverage().estimate();
                        sums[t][2 * e + 1] += point.modelAccuracy().estimate();
                        if (e > 0) {
                            CurvePoint truth = CostQualityCurve.pointAt(THRESHOLDS[t], all, CROWD, COSTS, Wilson.Z_95);
                            errors[t][2 * (e - 1)] += Math.abs(point.coverage().estimate() - truth.coverage().estimate());
                            errors[t][2 * (e - 1) + 1] += Math.abs(point.modelAccuracy().estimate()
                                    - truth.modelAccuracy().estimate());
                        }
                    }
                }
            }
            for (int t = 0; t < THRESHOLDS.length; t++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%13.1f | %.2f | %.3f / %.3f  ",
                        crowdLabeled, THRESHOLDS[t], sums[t][0] / RUNS, sums[t][1] / RUNS));
                for (int e = 0; e < 3; e++) {
                    row.append(String.format(Locale.ROOT, "| %.3f / %.3f (%.3f) ", sums[t][2 * e + 2] / RUNS,
                            sums[t][2 * e + 3] / RUNS, (errors[t][2 * e] + errors[t][2 * e + 1]) / (2 * RUNS)));
                }
                System.out.println(row);
            }
        }
        System.out.println("cells: mean coverage / mean model accuracy (mean absolute error of the two) over " + RUNS
                + " runs of " + ITEMS + " items");
    }
}
