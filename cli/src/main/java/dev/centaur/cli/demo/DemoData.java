package dev.centaur.cli.demo;

import dev.centaur.cli.CliException;
import dev.centaur.cli.dataset.Dataset;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.cli.dataset.DatasetLoader;
import dev.centaur.cli.dataset.GeneratedDataset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a demo run labels and who answers: the data set, the golden set the model trains on, the
 * items submitted, the simulated annotators and the overlap they can sustain.
 */
public record DemoData(
        Dataset dataset,
        String description,
        List<DatasetItem> golden,
        List<DatasetItem> submitted,
        List<SimulatedAnnotator> annotators,
        int overlap,
        List<String> notes) {

    public static DemoData prepare(DemoOptions options) {
        checkOptions(options);
        List<String> notes = new ArrayList<>();
        Dataset dataset;
        String description;
        if (options.dataset == null) {
            dataset = GeneratedDataset.generate(options.seed, options.itemCount(), options.annotators).dataset();
            description = "generated, " + dataset.items().size() + " items, seed " + options.seed;
        } else {
            DatasetLoader loader = new DatasetLoader();
            Dataset full = loader.load(options.dataset);
            DatasetLoader.Skipped skipped = loader.skipped();
            if (skipped.goldRows() + skipped.answerRows() > 0) {
                notes.add("ignored " + skipped.goldRows() + " gold rows and " + skipped.answerRows()
                        + " answers for items missing from items.jsonl");
            }
            dataset = full.sample(options.itemCount(), options.seed);
            description = dataset.name() + ", " + dataset.items().size()
                    + (dataset.items().size() < full.items().size() ? " of " + full.items().size() : "") + " items";
        }

        List<String> goldIds = dataset.shuffledGoldItemIds(options.seed);
        int goldenCount = (int) Math.round(goldIds.size() * options.goldenShare);
        if (goldenCount < 2 || goldenCount >= dataset.items().size()) {
            throw new CliException("--golden-share " + options.goldenShare + " gives " + goldenCount + " golden items of "
                    + dataset.items().size() + " (" + goldIds.size() + " with gold): need at least 2, and items left to submit");
        }
        Set<String> goldenIds = new HashSet<>(goldIds.subList(0, goldenCount));
        List<DatasetItem> golden = dataset.items().stream().filter(item -> goldenIds.contains(item.id())).toList();
        List<DatasetItem> submitted = dataset.items().stream().filter(item -> !goldenIds.contains(item.id())).toList();

        int overlap = options.overlap;
        List<SimulatedAnnotator> annotators = new ArrayList<>();
        if (dataset.hasRecordedAnswers()) {
            List<String> submittedIds = submitted.stream().map(DatasetItem::id).toList();
            annotators.addAll(ReplayAnnotator.forWorkers(dataset.answersByWorker(), submittedIds, goldenIds));
            overlap = cappedOverlap(options.overlap, dataset.answerCountByItem(), submittedIds, notes);
        } else {
            GeneratedDataset.annotatorProfiles(options.seed, options.annotators).forEach(profile -> annotators.add(
                    new AccuracyAnnotator(profile.name(), profile.accuracy(), options.seed, dataset.gold(), dataset.labels())));
            if (options.dataset != null) {
                notes.add("no answers.csv: " + options.annotators + " simulated annotators answer from gold.csv");
            }
        }
        return new DemoData(dataset, description, golden, submitted, List.copyOf(annotators), overlap, List.copyOf(notes));
    }

    /**
     * A replayed item can get no more answers than were recorded for it, so the overlap is capped
     * at the fewest recorded answers of any submitted item that has some.
     */
    static int cappedOverlap(int requested, Map<String, Integer> answerCounts, List<String> submittedIds, List<String> notes) {
        int fewest = Integer.MAX_VALUE;
        int without = 0;
        for (String id : submittedIds) {
            int count = answerCounts.getOrDefault(id, 0);
            if (count == 0) {
                without++;
            } else {
                fewest = Math.min(fewest, count);
            }
        }
        if (without > 0) {
            notes.add(without + " submitted items have no recorded answers: only the model can label them, "
                    + "so the run stalls if it sends one to the crowd");
        }
        if (fewest == Integer.MAX_VALUE) {
            throw new CliException("No submitted item has a recorded answer in answers.csv");
        }
        if (fewest < requested) {
            notes.add("overlap capped at " + fewest + " (fewest recorded answers of an item; --overlap " + requested + ")");
            return fewest;
        }
        return requested;
    }

    private static void checkOptions(DemoOptions o) {
        require(o.itemCount() >= 0, "--items must be >= 0, was " + o.itemCount());
        require(o.dataset != null || o.itemCount() >= 10, "--items must be at least 10 for a generated data set, was " + o.itemCount());
        require(o.annotators >= 1, "--annotators must be >= 1, was " + o.annotators);
        require(o.goldenShare > 0 && o.goldenShare < 1, "--golden-share must be in (0, 1), was " + o.goldenShare);
        require(o.overlap >= 1 && o.overlap <= 20, "--overlap must be in [1, 20], was " + o.overlap);
        require(o.threshold >= 0 && o.threshold <= 1, "--threshold must be in [0, 1], was " + o.threshold);
        require(o.qcRate >= 0 && o.qcRate <= 1, "--qc-rate must be in [0, 1], was " + o.qcRate);
        require(o.annotatorThreads >= 1, "--annotator-threads must be >= 1, was " + o.annotatorThreads);
        require(o.experts >= 1, "--experts must be >= 1, was " + o.experts);
        require(o.basePort >= 1024 && o.basePort <= 65532, "--base-port must be in [1024, 65532], was " + o.basePort);
        require(o.pricePerAnswer >= 0 && o.pricePerReview >= 0 && o.pricePer1kPredictions >= 0, "prices must be >= 0");
        require(o.pollIntervalSeconds >= 1, "--poll-interval must be >= 1, was " + o.pollIntervalSeconds);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new CliException(message);
        }
    }
}
