package dev.centaur.router.curve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GoldenSplitTest {

    @Test
    void theShareDecidesAndTheSameIdAlwaysLandsOnTheSameSide() {
        long heldOut = IntStream.range(0, 10_000).filter(i -> GoldenSplit.isHoldout("g-" + i, 0.3)).count();

        assertEquals(3000, heldOut, 150, "about 30% held out");
        assertEquals(GoldenSplit.isHoldout("g-42", 0.3), GoldenSplit.isHoldout("g-42", 0.3));
        assertFalse(GoldenSplit.isHoldout("g-42", 0));
        assertTrue(GoldenSplit.isHoldout("g-42", 1));
    }
}
