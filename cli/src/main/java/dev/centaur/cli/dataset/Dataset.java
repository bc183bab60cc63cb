package dev.centaur.cli.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A data set to label: the label set, the items, gold labels (possibly for only some items) and,
 * for real data sets, the answers crowd workers recorded (worker id -> item id -> label).
 */
public final class Dataset {

    private final String name;
    private final String instructions;
    private final List<String> labels;
    private final List<DatasetItem> items;
    private final Map<String, String> gold;
    private final Map<String, Map<String, String>> answersByWorker;

    public Dataset(String name, String instructions, List<String> labels, List<DatasetItem> items,
            Map<String, String> gold, Map<String, Map<String, String>> answersByWorker) {
        this.name = name;
        this.instructions = instructions;
        this.labels = List.copyOf(labels);
        this.items = List.copyOf(items);
        this.gold = Collections.unmodifiableMap(new LinkedHashMap<>(gold));
        Map<String, Map<String, String>> answers = new LinkedHashMap<>();
        answersByWorker.forEach((worker, byItem) ->
                answers.put(worker, Collections.unmodifiableMap(new LinkedHashMap<>(byItem))));
        this.answersByWorker = Collections.unmodifiableMap(answers);
    }

    public String name() {
        return name;
    }

    public String instructions() {
        return instructions;
    }

    public List<String> labels() {
        return labels;
    }

    public List<DatasetItem> items() {
        return items;
    }

    public Map<String, String> gold() {
        return gold;
    }

    public Optional<String> goldOf(String itemId) {
        return Optional.ofNullable(gold.get(itemId));
    }

    /** Worker id -> item id -> recorded label; empty for data sets without crowd answers. */
    public Map<String, Map<String, String>> answersByWorker() {
        return answersByWorker;
    }

    public boolean hasRecordedAnswers() {
        return !answersByWorker.isEmpty();
    }

    /** How many recorded answers each item has (items without any are absent). */
    public Map<String, Integer> answerCountByItem() {
        Map<String, Integer> counts = new HashMap<>();
        answersByWorker.values().forEach(byItem -> byItem.keySet().forEach(id -> counts.merge(id, 1, Integer::sum)));
        return counts;
    }

    /**
     * A seeded random subset of at most {@code maxItems} items (in their original order), with the
     * gold labels and recorded answers of those items only.
     */
    public Dataset sample(int maxItems, long seed) {
        if (maxItems <= 0 || maxItems >= items.size()) {
            return this;
        }
        List<DatasetItem> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new java.util.Random(seed));
        Set<String> kept = shuffled.subList(0, maxItems).stream().map(DatasetItem::id).collect(Collectors.toSet());
        List<DatasetItem> subset = items.stream().filter(item -> kept.contains(item.id())).toList();
        Map<String, String> subsetGold = new LinkedHashMap<>();
        gold.forEach((id, label) -> {
            if (kept.contains(id)) {
                subsetGold.put(id, label);
            }
        });
        Map<String, Map<String, String>> subsetAnswers = new LinkedHashMap<>();
        answersByWorker.forEach((worker, byItem) -> {
            Map<String, String> keptAnswers = new LinkedHashMap<>();
            byItem.forEach((id, label) -> {
                if (kept.contains(id)) {
                    keptAnswers.put(id, label);
                }
            });
            if (!keptAnswers.isEmpty()) {
                subsetAnswers.put(worker, keptAnswers);
            }
        });
        return new Dataset(name, instructions, labels, subset, subsetGold, subsetAnswers);
    }

    /** A seeded shuffle of the ids of the items that have a gold label. */
    public List<String> shuffledGoldItemIds(long seed) {
        List<String> ids = items.stream().map(DatasetItem::id).filter(gold::containsKey)
                .collect(Collectors.toCollection(ArrayList::new));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = ids.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Collections.swap(ids, i, j);
        }
        return ids;
    }
}
