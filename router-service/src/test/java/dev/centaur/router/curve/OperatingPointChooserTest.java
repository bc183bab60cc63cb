package dev.centaur.router.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Both modes' choices on a hand-made curve: the cost rises and the accuracy with the threshold. */
class OperatingPointChooserTest {

    private static final List<CurvePoint> CURVE = List.of(
            point(0.6, 0.10, 0.84, 0.80),
            point(0.7, 0.12, 0.89, 0.86),
            point(0.8, 0.15, 0.92, 0.90),
            point(0.9, 0.20, 0.95, 0.93),
            point(1.0, 0.25, 0.94, 0.95));

    @Test
    void targetModeTakesTheCheapestPointWhoseLowerBoundMeetsTheTarget() {
        OperatingChoice choice = OperatingPointChooser.forTargetAccuracy(CURVE, 0.85);

        assertTrue(choice.satisfied());
        assertEquals(0.7, choice.threshold());
        assertTrue(choice.explanation().contains("0.8600"), choice.explanation());
    }

    @Test
    void aLowerBoundExactlyAtTheTargetMeetsIt() {
        assertEquals(0.8, OperatingPointChooser.forTargetAccuracy(CURVE, 0.90).threshold());
    }

    @Test
    void targetModeWithoutAnyQualifyingPointFallsBackToThresholdOneAndSaysSo() {
        OperatingChoice choice = OperatingPointChooser.forTargetAccuracy(CURVE, 0.99);

        assertFalse(choice.satisfied());
        assertEquals(1.0, choice.threshold());
        assertTrue(choice.explanation().startsWith("no threshold"), choice.explanation());
    }

    @Test
    void budgetModeTakesTheMostAccuratePointWithinTheBudget() {
        OperatingChoice choice = OperatingPointChooser.forBudget(CURVE, 0.16);

        assertTrue(choice.satisfied());
        assertEquals(0.8, choice.threshold());
    }

    @Test
    void budgetModePrefersHigherExpectedAccuracyOverAHigherThreshold() {
        // Within 0.30 every point fits; 0.9 (0.95 expected) beats 1.0 (0.94).
        assertEquals(0.9, OperatingPointChooser.forBudget(CURVE, 0.30).threshold());
    }

    @Test
    void aCostExactlyAtTheBudgetFitsIt() {
        assertEquals(0.7, OperatingPointChooser.forBudget(CURVE, 0.12).threshold());
    }

    @Test
    void budgetModeWithNothingAffordableTakesTheCheapestPointAndSaysSo() {
        OperatingChoice choice = OperatingPointChooser.forBudget(CURVE, 0.05);

        assertFalse(choice.satisfied());
        assertEquals(0.6, choice.threshold());
        assertTrue(choice.explanation().startsWith("no threshold fits the budget"), choice.explanation());
    }

    @Test
    void equallyCheapPointsGoToTheHigherThreshold() {
        List<CurvePoint> flat = List.of(point(0.6, 0.10, 0.9, 0.9), point(0.7, 0.10, 0.9, 0.9));

        assertEquals(0.7, OperatingPointChooser.forTargetAccuracy(flat, 0.8).threshold());
        assertEquals(0.7, OperatingPointChooser.forBudget(flat, 0.2).threshold());
    }

    private static CurvePoint point(double threshold, double cost, double expectedAccuracy, double accuracyLow) {
        Interval unused = new Interval(0, 0, 1);
        return new CurvePoint(threshold, 0, unused, unused, unused,
                new Interval(expectedAccuracy, accuracyLow, 1), new Interval(cost, cost, cost));
    }
}
