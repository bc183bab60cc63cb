package dev.centaur.cli.demo;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotatorsTest {

    @Test
    void replayAnnotatorAnswersExactlyTheRecordedLabels() {
        ReplayAnnotator worker = new ReplayAnnotator("w1", Map.of("i1", "0", "i2", "1"));
        assertEquals(Optional.of("0"), worker.answer("i1"));
        assertEquals(Optional.of("1"), worker.answer("i2"));
        assertEquals(Optional.empty(), worker.answer("i3"));
        assertEquals(Set.of("i1", "i2"), worker.answerableItemIds());
        assertEquals("replay-w1", worker.name());
    }

    @Test
    void replayCrewCoversOnlySubmittedItemsAndSkipsWorkersWithNone() {
        Map<String, Map<String, String>> answers = new LinkedHashMap<>();
        answers.put("w1", Map.of("i1", "0", "golden", "1"));
        answers.put("w2", Map.of("golden", "0"));
        answers.put("w3", Map.of("i1", "1", "i2", "1"));
        List<ReplayAnnotator> crew = ReplayAnnotator.forWorkers(answers, List.of("i1", "i2"), List.of());
        assertEquals(List.of("w1", "w3"), crew.stream().map(ReplayAnnotator::workerId).toList());
        assertEquals(Set.of("i1"), crew.get(0).answerableItemIds());
        assertEquals(Optional.empty(), crew.get(0).answer("golden"));
    }

    @Test
    void replayedWorkersAnswerGoldenProbesWithTheirRecordedAnswerToTheGoldenItem() {
        Map<String, Map<String, String>> answers = new LinkedHashMap<>();
        answers.put("w1", Map.of("i1", "0", "golden", "1"));
        answers.put("w2", Map.of("golden", "0"));
        List<ReplayAnnotator> crew = ReplayAnnotator.forWorkers(answers, List.of("i1"), List.of("golden"));
        assertEquals(List.of("w1", "w2"), crew.stream().map(ReplayAnnotator::workerId).toList());
        assertEquals(Set.of("i1", "golden-probe:golden"), crew.get(0).answerableItemIds());
        assertEquals(Optional.of("1"), crew.get(0).answer("golden-probe:golden"));
        assertEquals(Optional.of("0"), crew.get(1).answer("golden-probe:golden"));
        assertEquals(Optional.empty(), crew.get(0).answer("golden"), "the golden item itself is not submitted");
    }

    @Test
    void accuracyAnnotatorAnswersAGoldenProbeAsTheGoldenItem() {
        Map<String, String> gold = Map.of("g1", "b");
        AccuracyAnnotator perfect = new AccuracyAnnotator("ann", 1.0, 9, gold, List.of("a", "b", "c"));
        assertEquals(Optional.of("b"), perfect.answer("golden-probe:g1"));
        AccuracyAnnotator noisy = new AccuracyAnnotator("ann", 0.5, 9, gold, List.of("a", "b", "c"));
        assertEquals(noisy.answer("g1"), noisy.answer("golden-probe:g1"), "the same draw as for the golden item");
    }

    @Test
    void accuracyAnnotatorIsDeterministicAndAsAccurateAsConfigured() {
        Map<String, String> gold = new LinkedHashMap<>();
        for (int i = 0; i < 4000; i++) {
            gold.put("item-" + i, List.of("a", "b", "c").get(i % 3));
        }
        AccuracyAnnotator annotator = new AccuracyAnnotator("ann", 0.7, 9, gold, List.of("a", "b", "c"));
        AccuracyAnnotator again = new AccuracyAnnotator("ann", 0.7, 9, gold, List.of("a", "b", "c"));
        long right = 0;
        for (String id : gold.keySet()) {
            String label = annotator.answer(id).orElseThrow();
            assertEquals(label, again.answer(id).orElseThrow());
            assertTrue(List.of("a", "b", "c").contains(label));
            right += label.equals(gold.get(id)) ? 1 : 0;
        }
        assertEquals(0.7, right / 4000.0, 0.03);
        assertTrue(annotator.answerableItemIds().isEmpty(), "a generated annotator may answer any item");
    }

    @Test
    void overlapIsCappedAtTheFewestRecordedAnswers() {
        List<String> notes = new java.util.ArrayList<>();
        assertEquals(2, DemoData.cappedOverlap(3, Map.of("a", 3, "b", 2), List.of("a", "b"), notes));
        assertTrue(notes.get(0).contains("overlap capped at 2"), notes.toString());
        assertEquals(3, DemoData.cappedOverlap(3, Map.of("a", 5, "b", 4), List.of("a", "b"), new java.util.ArrayList<>()));
        List<String> withoutAnswers = new java.util.ArrayList<>();
        assertEquals(3, DemoData.cappedOverlap(3, Map.of("a", 3), List.of("a", "b"), withoutAnswers));
        assertTrue(withoutAnswers.get(0).startsWith("1 submitted items have no recorded answers"), withoutAnswers.toString());
    }
}
