package dev.centaur.cli.demo;

import dev.centaur.cli.launch.PlatformOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options of {@code centaur demo}, as picocli fills them. A plain holder, so the end-to-end
 * test parses the same arguments the command line does.
 */
public class DemoOptions {

    /** Database and packaged services, shared with {@code centaur up}. */
    @Mixin
    public PlatformOptions platform = new PlatformOptions();

    @Option(names = "--dataset", paramLabel = "<folder>",
            description = "Replay a recorded data set (items.jsonl, answers.csv, gold.csv, labels.txt) instead of generating one.")
    public Path dataset;

    /** Items of a generated data set when --items is not given. */
    public static final int DEFAULT_GENERATED_ITEMS = 2000;

    @Option(names = "--items",
            description = "Items to generate (default 2000), or the size of a seeded sample of --dataset (default: all).")
    public Integer items;

    @Option(names = "--annotators", defaultValue = "30",
            description = "Simulated annotators when the data set has no recorded answers. Default: ${DEFAULT-VALUE}.")
    public int annotators;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for the data, the golden set and the annotators. Default: ${DEFAULT-VALUE}.")
    public long seed;

    @Option(names = "--project", description = "Project id (also the model name). Default: demo-<timestamp>, new every run.")
    public String projectId;

    @Option(names = "--threshold", defaultValue = "0.9", description = "Model labels an item when max p >= this. Default: ${DEFAULT-VALUE}.")
    public double threshold;

    @Option(names = "--overlap", defaultValue = "3",
            description = "Crowd answers per item; capped at the fewest recorded answers per item of a replayed data set. Default: ${DEFAULT-VALUE}.")
    public int overlap;

    @Option(names = "--qc-rate", defaultValue = "0.05", description = "Share of final labels sampled for expert review. Default: ${DEFAULT-VALUE}.")
    public double qcRate;

    @Option(names = "--golden-share", defaultValue = "0.2",
            description = "Share of the items with gold used to train the model (not submitted). Default: ${DEFAULT-VALUE}.")
    public double goldenShare;

    @Option(names = "--price-per-answer", defaultValue = "0.04", description = "Price of one crowd answer. Default: ${DEFAULT-VALUE}.")
    public double pricePerAnswer;

    @Option(names = "--price-per-review", defaultValue = "0.40", description = "Price of one expert review. Default: ${DEFAULT-VALUE}.")
    public double pricePerReview;

    @Option(names = "--price-per-1k-predictions", defaultValue = "0.01", description = "Price of 1,000 model predictions. Default: ${DEFAULT-VALUE}.")
    public double pricePer1kPredictions;

    @Option(names = "--base-port", defaultValue = "8080",
            description = "Router listens here, inference +1, crowd +2, qc +3. Default: ${DEFAULT-VALUE}.")
    public int basePort;

    @Option(names = "--run-dir", paramLabel = "<dir>", description = "Where the service logs, the curve picture and the admin token (admin-token, owner-only) go. Default: <tmp>/centaur-runs/<project>.")
    public Path runDir;

    @Option(names = "--keep-running", description = "Leave the services running at the end and print their addresses.")
    public boolean keepRunning;

    @Option(names = "--annotator-threads", defaultValue = "4", description = "Threads the simulated annotators share. Default: ${DEFAULT-VALUE}.")
    public int annotatorThreads;

    @Option(names = "--experts", defaultValue = "2", description = "Simulated experts reviewing QC samples. Default: ${DEFAULT-VALUE}.")
    public int experts;

    @Option(names = "--rpc-timeout", defaultValue = "30", description = "Deadline of each ordinary RPC, seconds. Default: ${DEFAULT-VALUE}.")
    public int rpcTimeoutSeconds;

    @Option(names = "--train-timeout", defaultValue = "900", description = "Deadline of the Train RPC, seconds. Default: ${DEFAULT-VALUE}.")
    public int trainTimeoutSeconds;

    @Option(names = "--timeout", defaultValue = "3600", description = "Longest the labeling may take, seconds. Default: ${DEFAULT-VALUE}.")
    public int runTimeoutSeconds;

    @Option(names = "--stall-timeout", defaultValue = "300",
            description = "Give up when progress has not moved for this long, seconds. Default: ${DEFAULT-VALUE}.")
    public int stallTimeoutSeconds;

    @Option(names = "--poll-interval", defaultValue = "2", description = "Seconds between progress checks. Default: ${DEFAULT-VALUE}.")
    public int pollIntervalSeconds;

    /** The requested number of items; 0 means every item of a replayed data set. */
    public int itemCount() {
        return items != null ? items : dataset == null ? DEFAULT_GENERATED_ITEMS : 0;
    }

    public Prices prices() {
        return new Prices(pricePerAnswer, pricePerReview, pricePer1kPredictions);
    }
}
