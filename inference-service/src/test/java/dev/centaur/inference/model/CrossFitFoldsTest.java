package dev.centaur.inference.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrossFitFoldsTest {

    private static final int[] LABELS = IntStream.range(0, 50).map(i -> i < 40 ? 0 : 1).toArray();

    @Test
    void foldsAreDisjointCoverTheIndicesAndSpreadEachLabel() {
        int[] indices = IntStream.range(0, 50).filter(i -> i % 5 != 0).toArray(); // 40 of them: 32 of label 0, 8 of 1
        int[][] folds = CrossFitFolds.stratified(indices, LABELS, 2, 4, 7);
        assertArrayEquals(indices, Arrays.stream(folds).flatMapToInt(Arrays::stream).sorted().toArray());
        for (int[] fold : folds) {
            assertEquals(10, fold.length);
            assertEquals(2, Arrays.stream(fold).filter(i -> LABELS[i] == 1).count(), "8 label-1 items over 4 folds");
        }
    }

    @Test
    void complementIsTheRestInOrder() {
        assertArrayEquals(new int[] {1, 4, 9}, CrossFitFolds.complement(new int[] {1, 3, 4, 7, 9}, new int[] {3, 7}));
    }

    @Test
    void crossFittingIsUsedOnlyForSmallHoldOuts() {
        TrainingSettings settings = new TrainingSettings(FeatureConfig.of(64, 2, 10, 3, 10), 1, 0.1f, 0f, 8, 0.2, 1, 8,
                10, 300);
        assertTrue(settings.crossFits(87));
        assertTrue(!settings.crossFits(300) && !settings.crossFits(557));
        TrainingSettings off = new TrainingSettings(FeatureConfig.of(64, 2, 10, 3, 10), 1, 0.1f, 0f, 8, 0.2, 1, 8, 1, 300);
        assertTrue(!off.crossFits(10));
    }
}
