package dev.centaur.cli.bench;

import dev.centaur.cli.CliException;
import dev.centaur.cli.dataset.Dataset;
import dev.centaur.cli.dataset.DatasetItem;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One data set split for the bench: a seeded share of the items with gold is the golden set (the
 * model trains on it and the curve is fitted on it; never counted in the results); the rest are
 * the evaluated items. Crowd answers are the recorded ones, so overlap is what the recording has.
 */
public record BenchData(Dataset dataset, List<DatasetItem> golden, List<DatasetItem> evaluated, int recordedOverlap) {

    public static BenchData split(Dataset dataset, double goldenShare, long seed) {
        if (!dataset.hasRecordedAnswers()) {
            throw new CliException(dataset.name() + ": the bench replays real workers, but the data set has no answers.csv");
        }
        List<String> goldIds = dataset.shuffledGoldItemIds(seed);
        int goldenCount = (int) Math.round(goldIds.size() * goldenShare);
        if (goldenCount < 10 || goldenCount >= goldIds.size()) {
            throw new CliException(dataset.name() + ": golden share " + goldenShare + " gives " + goldenCount
                    + " golden items of " + goldIds.size() + " with gold: need at least 10 and items left to evaluate");
        }
        Set<String> goldenIds = new HashSet<>(goldIds.subList(0, goldenCount));
        Set<String> withGold = new HashSet<>(goldIds);
        List<DatasetItem> golden = dataset.items().stream().filter(item -> goldenIds.contains(item.id())).toList();
        // Items without gold cannot be scored, so they are not evaluated.
        List<DatasetItem> evaluated = dataset.items().stream()
                .filter(item -> withGold.contains(item.id()) && !goldenIds.contains(item.id())).toList();
        Map<String, Integer> answerCounts = dataset.answerCountByItem();
        int overlap = evaluated.stream().mapToInt(item -> answerCounts.getOrDefault(item.id(), 0))
                .filter(count -> count > 0).min()
                .orElseThrow(() -> new CliException(dataset.name() + ": no evaluated item has a recorded answer"));
        return new BenchData(dataset, golden, evaluated, overlap);
    }

    public List<String> evaluatedIds() {
        return evaluated.stream().map(DatasetItem::id).toList();
    }
}
