package dev.centaur.cli.load;

import dev.centaur.cli.dataset.DatasetItem;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadWorkloadTest {

    @Test
    void batchesAreDisjointAndApartFromTheGoldenItems() {
        LoadWorkload workload = LoadWorkload.generate(7, 20, 5, 4);
        assertEquals(20, workload.golden().size());
        assertEquals(5, workload.batchCount());
        Set<String> seen = new HashSet<>();
        workload.golden().forEach(item -> assertTrue(seen.add(item.id())));
        for (int b = 0; b < 5; b++) {
            List<DatasetItem> batch = workload.batch(b);
            assertEquals(4, batch.size());
            batch.forEach(item -> assertTrue(seen.add(item.id()), "item " + item.id() + " appears twice"));
        }
        seen.forEach(id -> assertTrue(workload.gold().containsKey(id), "every item has a gold label for the annotators"));
        assertThrows(IndexOutOfBoundsException.class, () -> workload.batch(5));
        assertEquals(3, workload.annotators(3).size());
    }

    @Test
    void batchesCoverEveryIntendedTimeOfTheRun() {
        assertEquals(600, LoadWorkload.batchesFor(2, 300));
        assertEquals(3, LoadWorkload.batchesFor(0.5, 5), "events at 0, 2 and 4 s");
        assertEquals(2, LoadWorkload.batchesFor(0.5, 4), "events at 0 and 2 s");
        assertEquals(1, LoadWorkload.batchesFor(0.1, 1));
    }

    @Test
    void theThresholdSendsTheAskedShareOfTheSampleToTheCrowd() {
        double[] maxP = {0.95, 0.40, 0.99, 0.60, 0.80, 0.50, 0.70, 0.90, 0.85, 0.55};
        double threshold = LoadWorkload.thresholdForCrowdShare(maxP, 0.8);
        long toCrowd = Arrays.stream(maxP).filter(p -> p < threshold).count();
        assertEquals(8, toCrowd);
        assertEquals((0.90 + 0.95) / 2, threshold, 1e-12);
        assertEquals(1.0, LoadWorkload.thresholdForCrowdShare(maxP, 1.0));
        assertEquals(0.0, LoadWorkload.thresholdForCrowdShare(maxP, 0.0));
        assertEquals(0.0, LoadWorkload.thresholdForCrowdShare(maxP, 0.01), "a share that rounds to no item sends none");
        assertEquals(1.0, LoadWorkload.thresholdForCrowdShare(new double[0], 0.5), "no sample: everything to the crowd");
        assertThrows(IllegalArgumentException.class, () -> LoadWorkload.thresholdForCrowdShare(maxP, 1.5));
    }
}
