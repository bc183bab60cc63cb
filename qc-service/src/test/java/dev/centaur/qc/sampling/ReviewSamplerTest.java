package dev.centaur.qc.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReviewSamplerTest {

    private static final int IDS = 100_000;
    /** About five standard deviations of a binomial share over 100,000 ids at rate 0.5. */
    private static final double RATE_TOLERANCE = 0.008;

    private final ReviewSampler sampler = new ReviewSampler("test-seed");

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.05, 0.1, 0.3, 0.5, 0.9})
    void sampledShareMatchesTheRateOnManyIds(double rate) {
        long sampled = IntStream.range(0, IDS)
                .filter(i -> sampler.isSampled("project-a", "item-" + i, rate))
                .count();
        assertEquals(rate, sampled / (double) IDS, RATE_TOLERANCE);
    }

    @Test
    void positionsAreSpreadEvenlyOverTheUnitInterval() {
        int[] deciles = new int[10];
        for (int i = 0; i < IDS; i++) {
            double position = sampler.position("project-a", Integer.toString(i));
            assertTrue(position >= 0 && position < 1, "position " + position);
            deciles[(int) (position * 10)]++;
        }
        for (int count : deciles) {
            assertEquals(IDS / 10.0, count, IDS / 10.0 * 0.05);
        }
    }

    @Test
    void sameSeedProjectAndItemAlwaysGiveTheSameDecision() {
        ReviewSampler another = new ReviewSampler("test-seed");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add("item-" + i);
        }
        List<String> sampledInOrder = ids.stream().filter(id -> sampler.isSampled("p", id, 0.2)).toList();
        Collections.shuffle(ids, new Random(7));
        List<String> sampledShuffled = ids.stream().filter(id -> another.isSampled("p", id, 0.2)).sorted().toList();
        assertEquals(sampledInOrder.stream().sorted().toList(), sampledShuffled);
        assertFalse(sampledInOrder.isEmpty());
    }

    @Test
    void seedAndProjectChangeTheDecision() {
        ReviewSampler otherSeed = new ReviewSampler("other-seed");
        assertNotEquals(sampler.position("p", "item-1"), otherSeed.position("p", "item-1"));
        assertNotEquals(sampler.position("p", "item-1"), sampler.position("q", "item-1"));
    }

    @Test
    void fieldBoundariesMatter() {
        assertNotEquals(sampler.position("ab", "c"), sampler.position("a", "bc"));
    }

    @Test
    void rateZeroSamplesNothingAndRateOneSamplesEverything() {
        for (int i = 0; i < 10_000; i++) {
            String id = "item-" + i;
            assertFalse(sampler.isSampled("p", id, 0.0));
            assertTrue(sampler.isSampled("p", id, 1.0));
        }
    }
}
