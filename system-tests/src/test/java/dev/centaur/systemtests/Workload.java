package dev.centaur.systemtests;

import dev.centaur.cli.client.ItemPages;
import dev.centaur.cli.dataset.Dataset;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.cli.dataset.DatasetLoader;
import dev.centaur.cli.demo.ReplayAnnotator;
import dev.centaur.inference.v1.LabeledExample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deterministic workload both projects label: a seeded sample of a data set with recorded
 * answers, split into training items (the shared model learns them; never submitted) and submitted
 * items. Every submitted item has exactly {@link #overlap()} recorded answers, and the crowd asks
 * for all of them, so a crowd label is the majority of the same answers however they arrive.
 */
record Workload(Dataset dataset, List<DatasetItem> training, List<DatasetItem> submitted, int overlap) {

    static Workload load(Path folder, int items, int trainingItems, long seed) {
        Dataset dataset = new DatasetLoader().load(folder).sample(items, seed);
        Map<String, Integer> answerCounts = dataset.answerCountByItem();
        int overlap = answerCounts.values().stream().mapToInt(Integer::intValue).max().orElseThrow(
                () -> new IllegalStateException(folder + " has no recorded answers"));
        List<String> goldIds = dataset.shuffledGoldItemIds(seed);
        Set<String> trainingIds = new HashSet<>(goldIds.subList(0, trainingItems));
        List<DatasetItem> training = new ArrayList<>();
        List<DatasetItem> submitted = new ArrayList<>();
        for (DatasetItem item : dataset.items()) {
            if (trainingIds.contains(item.id())) {
                training.add(item);
            } else if (answerCounts.getOrDefault(item.id(), 0) == overlap && dataset.goldOf(item.id()).isPresent()) {
                // Fewer recorded answers could never complete at full overlap; without gold, no accuracy.
                submitted.add(item);
            }
        }
        return new Workload(dataset, List.copyOf(training), List.copyOf(submitted), overlap);
    }

    List<LabeledExample> trainingExamples() {
        return training.stream().map(item -> LabeledExample.newBuilder().setContent(ItemPages.content(item))
                .setLabel(dataset.gold().get(item.id())).build()).toList();
    }

    /** The submitted items in {@code parts} chunks of (nearly) equal size, in order. */
    List<List<DatasetItem>> chunks(int parts) {
        List<List<DatasetItem>> chunks = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            chunks.add(submitted.subList(i * submitted.size() / parts, (i + 1) * submitted.size() / parts));
        }
        return chunks;
    }

    List<String> submittedIds() {
        return submitted.stream().map(DatasetItem::id).toList();
    }

    /** One replayed worker per recorded worker who answered a submitted item (no golden items: no probes). */
    List<ReplayAnnotator> annotators() {
        return ReplayAnnotator.forWorkers(dataset.answersByWorker(), submittedIds(), List.of());
    }

    String gold(String itemId) {
        return dataset.gold().get(itemId);
    }
}
