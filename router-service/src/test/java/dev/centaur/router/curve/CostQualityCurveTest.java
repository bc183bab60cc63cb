package dev.centaur.router.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The curve on ten evidence items, computed by hand. Max p and whether the model was right:
 * 0.95 T, 0.92 T, 0.90 T, 0.85 F, 0.80 T, 0.75 T, 0.70 F, 0.65 T, 0.60 F, 0.55 F.
 * Prices: 1 per 1,000 predictions, overlap 3 x 0.05 per answer, qc_rate 0.1 x 1.0 per review.
 */
class CostQualityCurveTest {

    private static final double DELTA = 1e-9;
    private static final double Z = Wilson.Z_95;
    private static final CostModel COSTS = new CostModel(1.0, 3, 0.05, 0.1, 1.0);
    private static final CrowdAccuracy ASSUMED_CROWD = CrowdAccuracy.of(0, 0, 0.9, Z);
    private static final List<ModelObservation> EVIDENCE = List.of(
            new ModelObservation(0.95, true), new ModelObservation(0.92, true), new ModelObservation(0.90, true),
            new ModelObservation(0.85, false), new ModelObservation(0.80, true), new ModelObservation(0.75, true),
            new ModelObservation(0.70, false), new ModelObservation(0.65, true), new ModelObservation(0.60, false),
            new ModelObservation(0.55, false));

    @Test
    void atThresholdPointEightHalfTheItemsAreCoveredAndFourOfFiveRight() {
        CurvePoint point = CostQualityCurve.pointAt(0.80, EVIDENCE, ASSUMED_CROWD, COSTS, Z);

        assertEquals(5, point.covered());
        // Wilson, 5 of 10: centre (0.5 + 1.9208/10) / 1.38415 = 0.5, half width 0.26341.
        assertInterval(0.5, 0.236593090512564, 0.7634069094874361, point.coverage());
        // Wilson, 4 of 5: centre 1.18415 / 1.76831 = 0.66965, half width 0.29412.
        assertInterval(0.8, 0.37553462976252533, 0.9637758913675698, point.modelAccuracy());
        assertInterval(0.9, 0.9, 0.9, point.crowdAccuracy());
        // 0.5 * 0.8 + 0.5 * 0.9; low: min(0.2366 * 0.3755 + 0.7634 * 0.9, 0.7634 * 0.3755 + 0.2366 * 0.9);
        // high: max(0.2366 * 0.9638 + 0.7634 * 0.9, 0.7634 * 0.9638 + 0.2366 * 0.9).
        assertInterval(0.85, 0.49961951257382553, 0.948686956128723, point.overallAccuracy());
        // 0.001 + 0.5 * 3 * 0.05 + 0.1 * 1.0 = 0.176; the ends use the coverage's other end.
        assertInterval(0.176, 0.13648896357688461, 0.21551103642311542, point.costPerItem());
    }

    @Test
    void theGridRunsFromTheStartToOneAndCoverageFallsAsTheThresholdRises() {
        List<CurvePoint> curve = CostQualityCurve.compute(EVIDENCE, ASSUMED_CROWD, COSTS,
                new CurveSettings(0.5, 0.01, Z));

        assertEquals(51, curve.size());
        assertEquals(0.5, curve.get(0).threshold(), DELTA);
        assertEquals(0.9, curve.get(40).threshold(), 0, "0.9 on the grid is exactly the double 0.9");
        assertEquals(1.0, curve.get(50).threshold(), DELTA);
        assertEquals(10, curve.get(0).covered());
        assertEquals(3, curve.get(40).covered(), "0.95, 0.92 and 0.90");
        assertEquals(0, curve.get(50).covered());
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).covered() <= curve.get(i - 1).covered());
        }
    }

    @Test
    void withNothingCoveredTheOverallIsTheCrowdsAndTheModelTellsNothing() {
        CurvePoint point = CostQualityCurve.pointAt(1.0, EVIDENCE, ASSUMED_CROWD, COSTS, Z);

        assertInterval(0, 0, 1, point.modelAccuracy());
        assertEquals(0.9, point.overallAccuracy().estimate(), DELTA);
        // Coverage could still be up to 0.2775 (Wilson, 0 of 10), with a model that is always wrong.
        assertEquals(0.7224672001371108 * 0.9, point.overallAccuracy().low(), 1e-12);
        assertEquals(0.001 + 0.15 + 0.1, point.costPerItem().estimate(), DELTA);
    }

    @Test
    void measuredCrowdAccuracyCarriesItsWilsonInterval() {
        CrowdAccuracy measured = CrowdAccuracy.of(10, 10, 0.5, Z);

        assertFalse(measured.assumed());
        assertInterval(1.0, 0.7224672001371107, 1.0, measured.accuracy());
        assertTrue(ASSUMED_CROWD.assumed());
    }

    @Test
    void aGridThatMissesOneStillEndsAtOne() {
        double[] grid = new CurveSettings(0.5, 0.3, Z).thresholds();

        assertEquals(3, grid.length);
        assertEquals(0.8, grid[1], 0);
        assertEquals(1.0, grid[2], 0);
    }

    @Test
    void theModelsLabelIsJudgedAgainstTheReference() {
        assertTrue(ModelObservation.of(new double[] {0.2, 0.7, 0.1}, 1).modelCorrect());
        ModelObservation wrong = ModelObservation.of(new double[] {0.2, 0.7, 0.1}, 2);
        assertFalse(wrong.modelCorrect());
        assertEquals(0.7, wrong.maxProbability(), DELTA);
    }

    @Test
    void spendIsCountsTimesPricesAndTheSavingIsAgainstTheCrowdAlone() {
        // 40 predictions, 18 answers of final labels and 4 of golden probes, 10 labels offered to qc,
        // 3 expert answers behind the verdicts so far, 10 final labels.
        CostSummary cost = CostSummary.of(COSTS, new CostSummary.Counts(40, 18, 4, 10, 3, 10));

        assertEquals(0.04, cost.modelSpend(), DELTA);
        assertEquals(1.1, cost.crowdSpend(), DELTA, "(18 + 4) x 0.05");
        assertEquals(1.0, cost.expectedReviews(), DELTA, "0.1 x 10 offered");
        assertEquals(1.0, cost.expectedExpertSpend(), DELTA);
        assertEquals(3.0, cost.expertSpend(), DELTA, "3 reviews done x 1.0");
        assertEquals(4.14, cost.totalSpend(), DELTA);
        assertEquals(0.414, cost.costPerFinalLabel(), DELTA);
        // 10 labels x 3 answers x 0.05 + the same 3.0 of expert reviews.
        assertEquals(4.5, cost.crowdOnlySpend(), DELTA);
        assertEquals(0.36, cost.saving(), DELTA);
        assertEquals(0, CostSummary.of(COSTS, new CostSummary.Counts(0, 0, 0, 0, 0, 0)).costPerFinalLabel());
    }

    static void assertInterval(double estimate, double low, double high, Interval actual) {
        assertEquals(estimate, actual.estimate(), DELTA, "estimate");
        assertEquals(low, actual.low(), DELTA, "low");
        assertEquals(high, actual.high(), DELTA, "high");
    }
}
