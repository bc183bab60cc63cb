package dev.centaur.cli.bench;

import dev.centaur.cli.CliException;
import dev.centaur.cli.dataset.Dataset;
import dev.centaur.cli.dataset.DatasetItem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchDataTest {

    /** 100 items, 90 with gold; each item answered by {@code answersPerItem} workers (item 0 by one more). */
    private static Dataset dataset(int answersPerItem) {
        List<DatasetItem> items = new ArrayList<>();
        Map<String, String> gold = new LinkedHashMap<>();
        Map<String, Map<String, String>> answers = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            String id = "item-" + i;
            items.add(DatasetItem.single(id, "text " + i));
            if (i < 90) {
                gold.put(id, i % 2 == 0 ? "a" : "b");
            }
            int workers = answersPerItem + (i == 0 ? 1 : 0);
            for (int w = 0; w < workers; w++) {
                answers.computeIfAbsent("w" + w, k -> new LinkedHashMap<>()).put(id, "a");
            }
        }
        return new Dataset("toy", "say a or b", List.of("a", "b"), items, gold, answers);
    }

    @Test
    void goldenShareOfTheGoldItemsIsHeldApartAndTheRestWithGoldIsEvaluated() {
        BenchData data = BenchData.split(dataset(3), 0.2, 7);

        assertEquals(18, data.golden().size(), "20% of the 90 items with gold");
        assertEquals(72, data.evaluated().size(), "the other items with gold; the 10 without gold cannot be scored");
        Set<String> golden = new HashSet<>();
        data.golden().forEach(item -> golden.add(item.id()));
        data.evaluated().forEach(item -> assertTrue(!golden.contains(item.id()), item.id() + " is golden and evaluated"));
        data.evaluated().forEach(item -> assertTrue(dataset(3).gold().containsKey(item.id()), item.id() + " has no gold"));
        assertEquals(3, data.recordedOverlap(), "the fewest recorded answers of an evaluated item");
    }

    @Test
    void theSplitIsFixedBySeed() {
        assertEquals(BenchData.split(dataset(3), 0.2, 7).evaluatedIds(), BenchData.split(dataset(3), 0.2, 7).evaluatedIds());
        assertTrue(!BenchData.split(dataset(3), 0.2, 7).evaluatedIds().equals(BenchData.split(dataset(3), 0.2, 8).evaluatedIds()));
    }

    @Test
    void aDataSetWithoutRecordedAnswersIsRefused() {
        Dataset withoutAnswers = new Dataset("plain", "", List.of("a", "b"), dataset(3).items(), dataset(3).gold(), new HashMap<>());
        CliException error = assertThrows(CliException.class, () -> BenchData.split(withoutAnswers, 0.2, 1));
        assertTrue(error.getMessage().contains("answers.csv"), error.getMessage());
    }

    @Test
    void aGoldenShareLeavingTooFewGoldenItemsIsRefused() {
        CliException error = assertThrows(CliException.class, () -> BenchData.split(dataset(3), 0.05, 1));
        assertTrue(error.getMessage().contains("0.05"), error.getMessage());
    }
}
