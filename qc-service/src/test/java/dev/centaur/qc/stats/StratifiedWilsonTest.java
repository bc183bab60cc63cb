package dev.centaur.qc.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values computed by hand from the formulas in StratifiedWilson's javadoc, z = 1.96. */
class StratifiedWilsonTest {

    private static final double TOLERANCE = 5e-5;

    @Test
    void oneStratumIsExactlyTheWilsonInterval() {
        StratifiedProportion stratified = StratifiedWilson.of95(List.of(new Stratum(1000, 10, 8)));
        Proportion wilson = WilsonInterval.of95(8, 10);

        assertEquals(wilson.estimate(), stratified.proportion().estimate(), 1e-12);
        assertEquals(wilson.lower(), stratified.proportion().lower(), 1e-9);
        assertEquals(wilson.upper(), stratified.proportion().upper(), 1e-9);
        assertEquals(10, stratified.effectiveReviews(), 1e-9);
        assertEquals(1.0, stratified.reviewedWeight());
    }

    @Test
    void disproportionateSampleIsWeightedByOfferedShareAndWidenedByItsDesignEffect() {
        // Weights 0.9 and 0.1; p = 0.9 * 9/10 + 0.1 * 20/40 = 0.86 (a pooled share would say 29/50 = 0.58).
        StratifiedProportion result = StratifiedWilson.of95(List.of(new Stratum(900, 10, 9), new Stratum(100, 40, 20)));

        assertEquals(0.86, result.proportion().estimate(), 1e-12);
        // V = 0.81 * 0.09 / 10 + 0.01 * 0.25 / 40
        assertEquals(0.0073525, result.variance(), 1e-12);
        // n_eff = 0.86 * 0.14 / V, below the 50 reviews
        assertEquals(16.37538, result.effectiveReviews(), 1e-5);
        assertEquals(0.62559, result.proportion().lower(), TOLERANCE);
        assertEquals(0.95760, result.proportion().upper(), TOLERANCE);
        assertEquals(29, result.proportion().successes());
        assertEquals(50, result.proportion().trials());
    }

    @Test
    void effectiveSampleSizeIsCappedAtTheNumberOfReviews() {
        // Proportional sample: p = 0.84, V = 0.00252, p(1-p)/V = 53.3 > 50 reviews, so n_eff = 50.
        StratifiedProportion result = StratifiedWilson.of95(List.of(
                new Stratum(600, 30, 27), new Stratum(300, 15, 12), new Stratum(100, 5, 3)));

        assertEquals(0.84, result.proportion().estimate(), 1e-12);
        assertEquals(0.00252, result.variance(), 1e-12);
        assertEquals(50, result.effectiveReviews(), 1e-12);
        assertEquals(0.71486, result.proportion().lower(), TOLERANCE);
        assertEquals(0.91663, result.proportion().upper(), TOLERANCE);
    }

    @Test
    void strataWithoutReviewsAreLeftOutAndReportedAsUncovered() {
        StratifiedProportion result = StratifiedWilson.of95(List.of(new Stratum(600, 30, 27), new Stratum(300, 0, 0)));

        assertEquals(0.9, result.proportion().estimate(), 1e-12);
        assertEquals(0.74379, result.proportion().lower(), TOLERANCE);
        assertEquals(0.96540, result.proportion().upper(), TOLERANCE);
        assertEquals(600 / 900.0, result.reviewedWeight(), 1e-12);
    }

    @Test
    void strataAllRightOrAllWrongUseTheNumberOfReviews() {
        // V = 0: the interval is Wilson's for p = 0.5 from all 30 reviews.
        StratifiedProportion result = StratifiedWilson.of95(List.of(new Stratum(500, 20, 20), new Stratum(500, 10, 0)));

        assertEquals(0.5, result.proportion().estimate(), 1e-12);
        assertEquals(0.0, result.variance());
        assertEquals(30, result.effectiveReviews());
        assertEquals(0.33154, result.proportion().lower(), TOLERANCE);
        assertEquals(0.66846, result.proportion().upper(), TOLERANCE);
    }

    @Test
    void everyStratumAllRightHasUpperBoundOne() {
        StratifiedProportion result = StratifiedWilson.of95(List.of(new Stratum(50, 5, 5), new Stratum(50, 5, 5)));

        assertEquals(1.0, result.proportion().estimate());
        assertEquals(1.0, result.proportion().upper());
        // n / (n + z^2) with n = 10
        assertEquals(0.72246, result.proportion().lower(), TOLERANCE);
    }

    @Test
    void noReviewsGiveTheUninformativeInterval() {
        StratifiedProportion result = StratifiedWilson.of95(List.of(new Stratum(100, 0, 0)));
        assertEquals(0.0, result.proportion().lower());
        assertEquals(1.0, result.proportion().upper());
        assertEquals(0, result.proportion().trials());
        assertEquals(0.0, result.reviewedWeight());
        assertEquals(new Proportion(0, 0, 0.0, 0.0, 1.0), StratifiedWilson.of95(List.of()).proportion());
    }

    @Test
    void impossibleStrataAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Stratum(10, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> new Stratum(4, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new Stratum(-1, 0, 0));
        assertTrue(new Stratum(5, 5, 5).reviews() == 5);
    }
}
