package dev.centaur.qc.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected bounds computed by hand from the Wilson formula with z = 1.96. */
class WilsonIntervalTest {

    private static final double TOLERANCE = 5e-5;

    @Test
    void eightOfTenMatchesTheHandComputedInterval() {
        Proportion p = WilsonInterval.of95(8, 10);
        assertEquals(0.8, p.estimate(), 1e-12);
        assertEquals(0.4902, p.lower(), TOLERANCE);
        assertEquals(0.9433, p.upper(), TOLERANCE);
    }

    @Test
    void halfOfHundredIsSymmetricAroundOneHalf() {
        Proportion p = WilsonInterval.of95(50, 100);
        assertEquals(0.4038, p.lower(), TOLERANCE);
        assertEquals(0.5962, p.upper(), TOLERANCE);
    }

    @Test
    void ninetyFiveOfHundredIsPulledTowardsTheMiddle() {
        Proportion p = WilsonInterval.of95(95, 100);
        assertEquals(0.8882, p.lower(), TOLERANCE);
        assertEquals(0.9785, p.upper(), TOLERANCE);
    }

    @Test
    void noneCorrectHasLowerBoundZeroAndUpperBoundAboveZero() {
        Proportion p = WilsonInterval.of95(0, 10);
        assertEquals(0.0, p.estimate());
        assertEquals(0.0, p.lower());
        // z^2 / (n + z^2)
        assertEquals(0.2775, p.upper(), TOLERANCE);
    }

    @Test
    void allCorrectHasUpperBoundOneAndLowerBoundBelowOne() {
        Proportion p = WilsonInterval.of95(10, 10);
        assertEquals(1.0, p.estimate());
        assertEquals(1.0, p.upper());
        // n / (n + z^2)
        assertEquals(0.7225, p.lower(), TOLERANCE);
    }

    @Test
    void singleCorrectReviewGivesAWideInterval() {
        Proportion p = WilsonInterval.of95(1, 1);
        assertEquals(0.2065, p.lower(), TOLERANCE);
        assertEquals(1.0, p.upper());
    }

    @Test
    void noReviewsGiveTheUninformativeInterval() {
        Proportion p = WilsonInterval.of95(0, 0);
        assertEquals(0, p.trials());
        assertEquals(0.0, p.estimate());
        assertEquals(0.0, p.lower());
        assertEquals(1.0, p.upper());
    }

    @Test
    void intervalNarrowsAsTheSampleGrows() {
        Proportion small = WilsonInterval.of95(8, 10);
        Proportion large = WilsonInterval.of95(800, 1000);
        double smallWidth = small.upper() - small.lower();
        double largeWidth = large.upper() - large.lower();
        assertEquals(true, largeWidth < smallWidth / 5, "widths " + smallWidth + " and " + largeWidth);
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of95(11, 10));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of95(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of95(0, -1));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(1, 2, 0.0));
    }
}
