package dev.centaur.cli.dataset;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratedDatasetTest {

    @Test
    void sameSeedGivesTheSameItemsGoldAndAnnotators() {
        GeneratedDataset first = GeneratedDataset.generate(42, 500, 30);
        GeneratedDataset second = GeneratedDataset.generate(42, 500, 30);
        assertEquals(first.dataset().items(), second.dataset().items());
        assertEquals(first.dataset().gold(), second.dataset().gold());
        assertEquals(first.annotators(), second.annotators());
    }

    @Test
    void anotherSeedGivesOtherTexts() {
        assertNotEquals(GeneratedDataset.generate(1, 100, 5).dataset().items(),
                GeneratedDataset.generate(2, 100, 5).dataset().items());
    }

    @Test
    void classesAreBalancedWithinOne() {
        Dataset dataset = GeneratedDataset.generate(7, 2000, 30).dataset();
        Map<String, Long> counts = dataset.gold().values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(Set.copyOf(GeneratedDataset.LABELS), counts.keySet());
        long min = counts.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(max - min <= 1, counts.toString());
    }

    @Test
    void everyItemHasGoldAndAUniqueIdAndText() {
        Dataset dataset = GeneratedDataset.generate(3, 300, 10).dataset();
        Set<String> ids = new HashSet<>();
        for (DatasetItem item : dataset.items()) {
            assertTrue(ids.add(item.id()));
            assertTrue(dataset.gold().containsKey(item.id()));
            assertTrue(!item.isPair() && !item.text().isBlank());
        }
    }

    @Test
    void annotatorAccuraciesSpanTheDocumentedRange() {
        List<GeneratedDataset.AnnotatorProfile> annotators = GeneratedDataset.generate(5, 100, 30).annotators();
        assertEquals(30, annotators.size());
        annotators.forEach(a -> assertTrue(a.accuracy() >= 0.55 && a.accuracy() <= 0.95, a.toString()));
        double spread = annotators.stream().mapToDouble(GeneratedDataset.AnnotatorProfile::accuracy).max().orElseThrow()
                - annotators.stream().mapToDouble(GeneratedDataset.AnnotatorProfile::accuracy).min().orElseThrow();
        assertTrue(spread > 0.2, "accuracies should vary, spread was " + spread);
    }

    @Test
    void someItemsAreNotClearCut() {
        // A text with no topic word of its own class, or with words of another class, cannot be
        // labeled perfectly by a model: the data set promises some of both.
        GeneratedDataset generated = GeneratedDataset.generate(11, 1000, 5);
        long unclear = generated.dataset().items().stream()
                .filter(item -> isUnclear(item.text(), generated.dataset().gold().get(item.id())))
                .count();
        assertTrue(unclear > 100 && unclear < 500, "unclear items: " + unclear);
    }

    private static boolean isUnclear(String text, String label) {
        List<String> words = List.of(text.split(" "));
        long own = words.stream().filter(GeneratedDataset.topicWords(label)::contains).count();
        long other = GeneratedDataset.LABELS.stream().filter(l -> !l.equals(label))
                .mapToLong(l -> words.stream().filter(GeneratedDataset.topicWords(l)::contains).count()).sum();
        return own < 2 || other > 0;
    }
}
