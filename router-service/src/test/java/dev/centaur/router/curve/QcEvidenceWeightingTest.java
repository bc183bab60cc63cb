package dev.centaur.router.curve;

import static dev.centaur.router.curve.CostQualityCurveTest.assertInterval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.router.curve.CrowdAccuracy.Tally;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * qc-reviewed items as curve evidence, computed by hand: the routes' weights, the weighted
 * coverage and model accuracy beside golden items, and the crowd's accuracy pooled from its checks.
 */
class QcEvidenceWeightingTest {

    private static final double DELTA = 1e-9;
    private static final double Z = Wilson.Z_95;
    private static final CostModel COSTS = new CostModel(1.0, 3, 0.05, 0.1, 1.0);

    @Test
    void eachRouteIsWeightedByItsShareOfRoutedItemsOverItsShareOfReviews() {
        // 80 items labeled by the model, 20 sent to the crowd; 2 reviews of each (the crowd's overrepresented).
        RouteWeights weights = RouteWeights.of(80, 20, 2, 2, 1);

        assertTrue(weights.usable());
        assertEquals(1.6, weights.modelRouted(), DELTA, "(80 / 100) / (2 / 4)");
        assertEquals(0.4, weights.crowdRouted(), DELTA, "(20 / 100) / (2 / 4)");
    }

    @Test
    void reviewsSampledInProportionWeighOne() {
        RouteWeights weights = RouteWeights.of(80, 20, 8, 2, 1);

        assertEquals(1.0, weights.modelRouted(), DELTA);
        assertEquals(1.0, weights.crowdRouted(), DELTA);
        assertEquals(1.0, RouteWeights.of(50, 0, 5, 0, 5).modelRouted(), DELTA, "all went to the model");
    }

    @Test
    void reviewsOfModelLabelsAloneAreLeftOutWhileCrowdRoutedItemsLackReviews() {
        // The truncated sample: every reviewed item has max p >= the threshold in force.
        RouteWeights weights = RouteWeights.of(80, 20, 10, 1, 2);

        assertFalse(weights.usable());
        assertEquals("20 items went to the crowd but 1 of them were reviewed (2 needed): reviews of model labels"
                + " alone cover only confidence at or above the threshold in force", weights.leftOutReason());
        assertFalse(RouteWeights.of(80, 20, 0, 3, 2).usable(), "crowd-routed reviews alone are truncated too");
        assertEquals(RouteWeights.NONE, RouteWeights.of(80, 20, 0, 0, 2));
    }

    @Test
    void aCensusBehindTheReviewsIsRaisedToThem() {
        RouteWeights weights = RouteWeights.of(0, 3, 2, 3, 1);

        assertEquals(1.0, weights.modelRouted(), DELTA, "(2 / 5) / (2 / 5)");
        assertEquals(1.0, weights.crowdRouted(), DELTA);
    }

    @Test
    void weightedEvidenceGivesWeightedSharesWithIntervalsAtTheEffectiveSampleSize() {
        RouteWeights weights = RouteWeights.of(80, 20, 2, 2, 1);
        List<ModelObservation> evidence = List.of(
                new ModelObservation(0.95, true), new ModelObservation(0.60, false),
                new ModelObservation(0.90, true, weights.modelRouted()),
                new ModelObservation(0.85, false, weights.modelRouted()),
                new ModelObservation(0.70, true, weights.crowdRouted()),
                new ModelObservation(0.55, false, weights.crowdRouted()));

        CurvePoint point = CostQualityCurve.pointAt(0.80, evidence, CrowdAccuracy.of(0, 0, 0.9, Z), COSTS, Z);

        assertEquals(3, point.covered(), "0.95, 0.90 and 0.85, counted once each");
        // Weights 1 + 1.6 + 1.6 = 4.2 covered of 6.0; effective n = 6.0^2 / 7.44 = 4.8387.
        assertInterval(0.7, 0.2940444520364945, 0.9289332322548178, point.coverage());
        // 1 + 1.6 = 2.6 right of 4.2; effective n = 4.2^2 / 6.12 = 2.8824.
        assertInterval(2.6 / 4.2, 0.1777244183286773, 0.9243418699775554, point.modelAccuracy());
        assertEquals(0.7 * 2.6 / 4.2 + 0.3 * 0.9, point.overallAccuracy().estimate(), DELTA);
    }

    @Test
    void unitWeightsGiveExactlyThePlainWilsonInterval() {
        assertEquals(Wilson.interval(4, 5, Z), Wilson.weighted(4, 5, 5, Z));
        assertEquals(Wilson.interval(0, 0, Z), Wilson.weighted(0, 0, 0, Z));
    }

    @Test
    void theCrowdsChecksArePooledAndAnAssumptionOnlyStandsInForNone() {
        // 3 crowd/gold pairs (3 right), 5 golden probes (3 right), 4 labels reviewed by qc (3 right).
        CrowdAccuracy crowd = CrowdAccuracy.pooled(0.9, Z, new Tally(3, 3), new Tally(5, 3), new Tally(4, 3));

        assertFalse(crowd.assumed());
        assertEquals(12, crowd.trials());
        assertEquals(9, crowd.correct());
        assertInterval(0.75, 0.46769466506643426, 0.9110583316059453, crowd.accuracy());
        CrowdAccuracy assumed = CrowdAccuracy.pooled(0.9, Z, Tally.NONE, Tally.NONE);
        assertTrue(assumed.assumed());
        assertInterval(0.9, 0.9, 0.9, assumed.accuracy());
    }
}
