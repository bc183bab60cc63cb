package dev.centaur.inference.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {

    private static final int[] LABELS = IntStream.range(0, 100).map(i -> i < 80 ? 0 : 1).toArray();

    @Test
    void eachLabelHoldsOutItsShare() {
        HoldoutSplit split = HoldoutSplit.stratified(LABELS, 2, 0.2, 7);
        assertEquals(20, split.heldOut().length);
        assertEquals(16, Arrays.stream(split.heldOut()).filter(i -> LABELS[i] == 0).count());
        assertEquals(4, Arrays.stream(split.heldOut()).filter(i -> LABELS[i] == 1).count());
    }

    @Test
    void partsAreDisjointAndCoverEveryExample() {
        HoldoutSplit split = HoldoutSplit.stratified(LABELS, 2, 0.3, 7);
        int[] all = IntStream.concat(IntStream.of(split.train()), IntStream.of(split.heldOut())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all);
    }

    @Test
    void sameSeedSameSplitAndOtherSeedOtherSplit() {
        assertArrayEquals(HoldoutSplit.stratified(LABELS, 2, 0.2, 7).heldOut(),
                HoldoutSplit.stratified(LABELS, 2, 0.2, 7).heldOut());
        assertFalse(Arrays.equals(HoldoutSplit.stratified(LABELS, 2, 0.2, 7).heldOut(),
                HoldoutSplit.stratified(LABELS, 2, 0.2, 8).heldOut()));
    }

    @Test
    void everyLabelKeepsATrainingExample() {
        int[] labels = {0, 0, 0, 0, 1};
        HoldoutSplit split = HoldoutSplit.stratified(labels, 2, 0.9, 1);
        assertEquals(1, Arrays.stream(split.train()).filter(i -> labels[i] == 1).count());
        assertEquals(1, Arrays.stream(split.train()).filter(i -> labels[i] == 0).count());
    }

    @Test
    void tinySetsStillHoldOutOneExample() {
        int[] labels = {0, 0, 0, 1};
        assertEquals(1, HoldoutSplit.stratified(labels, 2, 0.05, 1).heldOut().length);
        assertEquals(0, HoldoutSplit.stratified(labels, 2, 0.0, 1).heldOut().length);
    }

    @Test
    void onlyEligibleExamplesAreHeldOutAndTheShareIsOfThem() {
        boolean[] eligible = new boolean[LABELS.length];
        for (int i = 0; i < LABELS.length; i += 2) {
            eligible[i] = true;
        }
        HoldoutSplit split = HoldoutSplit.stratified(LABELS, 2, 0.2, 7, eligible);
        assertEquals(10, split.heldOut().length, "20% of the 50 eligible");
        assertTrue(Arrays.stream(split.heldOut()).allMatch(i -> eligible[i]));
        assertEquals(90, split.train().length);
    }
}
