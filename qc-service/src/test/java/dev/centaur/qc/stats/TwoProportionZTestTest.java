package dev.centaur.qc.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values computed by hand: pooled standard error, upper normal tail. */
class TwoProportionZTestTest {

    @Test
    void dropFromNinetyToEightyPercentOverTwoHundredIsSignificant() {
        // pooled 340/400 = 0.85; SE = sqrt(0.85 * 0.15 * 2/200) = 0.035707; z = 0.1 / SE
        TwoProportionZTest.Result result = TwoProportionZTest.laterIsLower(180, 200, 160, 200);
        assertEquals(2.80056, result.z(), 1e-5);
        assertEquals(0.0025507, result.pValue(), 1e-6);
        assertTrue(result.isSignificantAt(0.01));
    }

    @Test
    void sameDropOverFiftyIsNotSignificantAtOnePercent() {
        TwoProportionZTest.Result result = TwoProportionZTest.laterIsLower(45, 50, 40, 50);
        assertEquals(1.40028, result.z(), 1e-5);
        assertEquals(0.080715, result.pValue(), 1e-5);
        assertFalse(result.isSignificantAt(0.01));
        assertFalse(result.isSignificantAt(0.05));
    }

    @Test
    void anImprovementIsNeverAnAlert() {
        TwoProportionZTest.Result result = TwoProportionZTest.laterIsLower(160, 200, 180, 200);
        assertEquals(-2.80056, result.z(), 1e-5);
        assertEquals(1 - 0.0025507, result.pValue(), 1e-6);
        assertFalse(result.isSignificantAt(0.05));
    }

    @Test
    void windowsAllRightCannotDiffer() {
        TwoProportionZTest.Result result = TwoProportionZTest.laterIsLower(200, 200, 200, 200);
        assertEquals(0.0, result.z());
        assertEquals(0.5, result.pValue(), 1e-7);
    }

    @Test
    void normalTailMatchesTables() {
        assertEquals(0.025, NormalDistribution.upperTail(WilsonInterval.Z_95), 1e-7);
        assertEquals(0.0013499, NormalDistribution.upperTail(3), 1e-7);
        assertEquals(0.8413447, NormalDistribution.upperTail(-1), 1e-7);
        assertEquals(0.5, NormalDistribution.upperTail(0), 1e-7);
    }

    @Test
    void emptyOrImpossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TwoProportionZTest.laterIsLower(0, 0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> TwoProportionZTest.laterIsLower(3, 2, 1, 2));
    }
}
