package dev.centaur.cli.bench;

import dev.centaur.cli.launch.PlatformOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of {@code centaur bench}, as picocli fills them. A plain holder, so a test parses
 * the same arguments the command line does. Defaults are stated in the help and in README.
 */
public class BenchOptions {

    /** Data sets used when none is given: the two with real crowd answers the issue names. */
    public static final List<Path> DEFAULT_DATASETS = List.of(
            Path.of("../shared/datasets/product-matching"), Path.of("../shared/datasets/rte"));

    @Mixin
    public PlatformOptions platform = new PlatformOptions();

    @Parameters(paramLabel = "<dataset>", arity = "0..*",
            description = "Folders in the shared format (items.jsonl, answers.csv, gold.csv, labels.txt). "
                    + "Default: ../shared/datasets/product-matching and ../shared/datasets/rte.")
    public List<Path> datasets;

    @Option(names = "--items", defaultValue = "0", description = "Use a seeded sample of this many items of each data set (0: all). Default: ${DEFAULT-VALUE}.")
    public int items;

    @Option(names = "--golden-share", defaultValue = "0.2",
            description = "Seeded share of the items with gold that is the golden set: trains the model, fits the curve, never counted. Default: ${DEFAULT-VALUE}.")
    public double goldenShare;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the golden split and the model. Default: ${DEFAULT-VALUE}.")
    public long seed;

    @Option(names = "--price-per-answer", defaultValue = "0.04", description = "Price of one crowd answer. Default: ${DEFAULT-VALUE}.")
    public double pricePerAnswer;

    @Option(names = "--price-per-review", defaultValue = "0.40", description = "Price of one expert review. Default: ${DEFAULT-VALUE}.")
    public double pricePerReview;

    @Option(names = "--price-per-1k-predictions", defaultValue = "0.01", description = "Price of 1,000 model predictions. Default: ${DEFAULT-VALUE}.")
    public double pricePer1kPredictions;

    @Option(names = "--qc-rate", defaultValue = "0.05", description = "Share of final labels experts review, in every run. Default: ${DEFAULT-VALUE}.")
    public double qcRate;

    @Option(names = "--human-aggregation", defaultValue = "DS", description = "Aggregation of the crowd-only run. Default: ${DEFAULT-VALUE}.")
    public String humanAggregation;

    @Option(names = "--hybrid-aggregation", defaultValue = "DS+model",
            description = "Aggregation of the hybrid runs (the model's label as one more voter). Default: ${DEFAULT-VALUE}.")
    public String hybridAggregation;

    @Option(names = "--cost-min-overlap", defaultValue = "2",
            description = "Cost-optimized run: answers every crowd item gets before the confidence check. Default: ${DEFAULT-VALUE}.")
    public int costMinOverlap;

    @Option(names = "--cost-confidence", defaultValue = "0.99",
            description = "Cost-optimized run: a crowd item stops getting answers at this aggregate confidence (up to all recorded answers). Default: ${DEFAULT-VALUE}.")
    public double costConfidence;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "bench-results",
            description = "Where the tables (headline.md) and curve pictures go. Default: ${DEFAULT-VALUE}.")
    public Path outDir;

    @Option(names = "--base-port", defaultValue = "8080",
            description = "Router listens here, inference +1, crowd +2, qc +3. Default: ${DEFAULT-VALUE}.")
    public int basePort;

    @Option(names = "--annotator-threads", defaultValue = "6", description = "Threads the replayed workers share. Default: ${DEFAULT-VALUE}.")
    public int annotatorThreads;

    @Option(names = "--experts", defaultValue = "2", description = "Simulated experts answering QC reviews from gold.csv. Default: ${DEFAULT-VALUE}.")
    public int experts;

    @Option(names = "--rpc-timeout", defaultValue = "30", description = "Deadline of each ordinary RPC, seconds. Default: ${DEFAULT-VALUE}.")
    public int rpcTimeoutSeconds;

    @Option(names = "--train-timeout", defaultValue = "900", description = "Deadline of the Train RPC, seconds. Default: ${DEFAULT-VALUE}.")
    public int trainTimeoutSeconds;

    @Option(names = "--timeout", defaultValue = "1800", description = "Longest one project's labeling may take, seconds. Default: ${DEFAULT-VALUE}.")
    public int runTimeoutSeconds;

    @Option(names = "--stall-timeout", defaultValue = "180",
            description = "Give up when a run has not moved for this long, seconds. Default: ${DEFAULT-VALUE}.")
    public int stallTimeoutSeconds;

    @Option(names = "--poll-interval", defaultValue = "2", description = "Seconds between progress checks. Default: ${DEFAULT-VALUE}.")
    public int pollIntervalSeconds;

    public List<Path> datasetsOrDefault() {
        return datasets == null || datasets.isEmpty() ? DEFAULT_DATASETS : datasets;
    }

    public HeadlineTable.Prices tablePrices() {
        return new HeadlineTable.Prices(pricePerAnswer, pricePer1kPredictions);
    }
}
