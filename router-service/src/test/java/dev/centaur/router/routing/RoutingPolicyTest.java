package dev.centaur.router.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoutingPolicyTest {

    @Test
    void maxProbabilityAtTheThresholdIsAccepted() {
        RoutingDecision decision = RoutingPolicy.decide(new double[] {0.1, 0.8, 0.1}, 0.8);

        assertTrue(decision.acceptedFromModel());
        assertEquals(1, decision.labelIndex());
        assertEquals(0.8, decision.confidence());
    }

    @Test
    void maxProbabilityBelowTheThresholdGoesToTheCrowd() {
        RoutingDecision decision = RoutingPolicy.decide(new double[] {0.3, 0.1, 0.6}, 0.61);

        assertFalse(decision.acceptedFromModel());
        assertEquals(2, decision.labelIndex());
        assertEquals(0.6, decision.confidence());
    }

    @Test
    void thresholdZeroAcceptsEverythingAndOneOnlyCertainty() {
        assertTrue(RoutingPolicy.decide(new double[] {0.5, 0.5}, 0).acceptedFromModel());
        assertFalse(RoutingPolicy.decide(new double[] {0.001, 0.999}, 1).acceptedFromModel());
        assertTrue(RoutingPolicy.decide(new double[] {0, 1}, 1).acceptedFromModel());
    }

    @Test
    void aTieGoesToTheLabelListedFirst() {
        assertEquals(0, RoutingPolicy.decide(new double[] {0.4, 0.4, 0.2}, 0.9).labelIndex());
        assertEquals(1, RoutingPolicy.decide(new double[] {0.2, 0.4, 0.4}, 0.9).labelIndex());
    }

    @Test
    void anEmptyDistributionIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> RoutingPolicy.decide(new double[0], 0.5));
    }

    @Test
    void eachPredictedLabelIsJudgedByItsOwnThresholdOrTheGlobalOne() {
        // cat has its own 0.9, dog none (global 0.7), bird its own 0.5.
        double[] thresholds = RoutingPolicy.effectiveThresholds(0.7, new double[] {0.9, Double.NaN, 0.5}, 0);

        assertFalse(RoutingPolicy.decide(new double[] {0.8, 0.1, 0.1}, thresholds).acceptedFromModel());
        assertTrue(RoutingPolicy.decide(new double[] {0.1, 0.75, 0.15}, thresholds).acceptedFromModel());
        assertFalse(RoutingPolicy.decide(new double[] {0.15, 0.65, 0.2}, thresholds).acceptedFromModel());
        assertTrue(RoutingPolicy.decide(new double[] {0.2, 0.25, 0.55}, thresholds).acceptedFromModel());
    }

    @Test
    void theFloorLiftsEveryThresholdBelowIt() {
        double[] thresholds = RoutingPolicy.effectiveThresholds(0.7, new double[] {0.9, Double.NaN, 0.5}, 0.8);

        assertEquals(0.9, thresholds[0]);
        assertEquals(0.8, thresholds[1]);
        assertEquals(0.8, thresholds[2]);
    }
}
