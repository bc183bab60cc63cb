package dev.centaur.qc.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {

    @Test
    void latestWindowMuchWorseThanTheOneBeforeRaisesTheAlert() {
        // 45 reviews: an old remainder of 5, then 20 at 90% and 20 at 50%.
        boolean[] reviews = concat(run(5, 5), run(20, 18), run(20, 10));

        DriftDetector.Result result = new DriftDetector(20, 10, 0.01).analyse(reviews);

        assertEquals(2, result.windows().size());
        assertEquals(new DriftDetector.Window(5, 24, WilsonInterval.of95(18, 20)), result.windows().get(0));
        assertEquals(new DriftDetector.Window(25, 44, WilsonInterval.of95(10, 20)), result.windows().get(1));
        // pooled 28/40 = 0.7; SE = sqrt(0.21 * 0.1) = 0.144914; z = 0.4 / SE = 2.76026
        assertEquals(2.76026, result.z(), 1e-5);
        assertEquals(0.0028875, result.pValue(), 1e-6);
        assertTrue(result.alert());
    }

    @Test
    void steadyAccuracyRaisesNoAlert() {
        boolean[] reviews = concat(run(20, 18), run(20, 17));
        DriftDetector.Result result = new DriftDetector(20, 10, 0.01).analyse(reviews);
        assertFalse(result.alert());
        assertTrue(result.pValue() > 0.01);
    }

    @Test
    void onlyTheNewestWindowsUpToTheMaximumAreKept() {
        boolean[] reviews = concat(run(10, 0), run(10, 10), run(10, 10), run(10, 5));
        DriftDetector.Result result = new DriftDetector(10, 3, 0.05).analyse(reviews);
        assertEquals(3, result.windows().size());
        assertEquals(10, result.windows().get(0).first());
        assertEquals(39, result.windows().get(2).last());
        assertEquals(5, result.windows().get(2).accuracy().successes());
        assertEquals(30, new DriftDetector(10, 3, 0.05).reviewsNeeded());
    }

    @Test
    void fewerThanTwoFullWindowsCannotBeTested() {
        DriftDetector.Result result = new DriftDetector(20, 10, 0.01).analyse(run(39, 0));
        assertEquals(1, result.windows().size());
        assertEquals(1.0, result.pValue());
        assertFalse(result.alert());
        assertEquals(0, new DriftDetector(20, 10, 0.01).analyse(new boolean[0]).windows().size());
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DriftDetector(0, 10, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new DriftDetector(20, 1, 0.01));
        assertThrows(IllegalArgumentException.class, () -> new DriftDetector(20, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new DriftDetector(20, 10, 1));
    }

    /** {@code count} reviews, the first {@code correct} of them right. */
    private static boolean[] run(int count, int correct) {
        boolean[] reviews = new boolean[count];
        Arrays.fill(reviews, 0, correct, true);
        return reviews;
    }

    private static boolean[] concat(boolean[]... parts) {
        boolean[] all = new boolean[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (boolean[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
