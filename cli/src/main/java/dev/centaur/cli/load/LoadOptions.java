package dev.centaur.cli.load;

import dev.centaur.cli.launch.PlatformOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The options of {@code centaur load}, as picocli fills them. A plain holder, so a test parses the
 * same arguments the command line does. Defaults are stated in the help.
 */
public class LoadOptions {

    /** Answers offered per answer the crowd items need, so a backlog of crowd tasks does not grow. */
    public static final double ANSWER_HEADROOM = 1.1;

    /** Database and packaged services, shared with {@code centaur demo}, {@code up} and {@code bench}. */
    @Mixin
    public PlatformOptions platform = new PlatformOptions();

    @Option(names = "--items-per-second", defaultValue = "20",
            description = "Items submitted per second (SubmitItems calls of --batch-size items). Default: ${DEFAULT-VALUE}.")
    public double itemsPerSecond;

    @Option(names = "--batch-size", defaultValue = "10", description = "Items per SubmitItems call. Default: ${DEFAULT-VALUE}.")
    public int batchSize;

    @Option(names = "--answers-per-second",
            description = "Answers the annotators try to give per second in total (NextTask, then SubmitAnswer). "
                    + "Default: what the crowd items need: items per second x crowd share x overlap x " + ANSWER_HEADROOM + ".")
    public Double answersPerSecond;

    @Option(names = "--duration", defaultValue = "PT5M", description = "How long the rates are held and measured (ISO-8601). Default: ${DEFAULT-VALUE}.")
    public Duration duration;

    @Option(names = "--warmup", defaultValue = "PT30S",
            description = "Load before the measured window: calls are checked but not timed (ISO-8601). Default: ${DEFAULT-VALUE}.")
    public Duration warmup;

    @Option(names = "--drain-timeout", defaultValue = "PT3M",
            description = "After the window, how long to wait until every acknowledged item has its final label (ISO-8601). Default: ${DEFAULT-VALUE}.")
    public Duration drainTimeout;

    @Option(names = "--crowd-share", defaultValue = "0.8",
            description = "Share of the items the policy sends to the crowd: the threshold is set from the model's confidence "
                    + "on a sample of the items. Default: ${DEFAULT-VALUE}.")
    public double crowdShare;

    @Option(names = "--overlap", defaultValue = "2", description = "Answers per crowd item. Default: ${DEFAULT-VALUE}.")
    public int overlap;

    @Option(names = "--aggregation", defaultValue = "DS", description = "How crowd aggregates the answers. Default: ${DEFAULT-VALUE}.")
    public String aggregation;

    @Option(names = "--qc-rate", defaultValue = "0.05", description = "Share of final labels offered to expert review. Default: ${DEFAULT-VALUE}.")
    public double qcRate;

    @Option(names = "--annotators", defaultValue = "40",
            description = "Simulated annotators; each does one NextTask / SubmitAnswer at a time. Default: ${DEFAULT-VALUE}.")
    public int annotators;

    @Option(names = "--submit-threads", defaultValue = "32",
            description = "SubmitItems calls in flight at most; further calls wait, and the wait counts as latency. Default: ${DEFAULT-VALUE}.")
    public int submitThreads;

    @Option(names = "--golden-items", defaultValue = "300", description = "Golden items the model trains on (not submitted). Default: ${DEFAULT-VALUE}.")
    public int goldenItems;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the data, the model and the annotators. Default: ${DEFAULT-VALUE}.")
    public long seed;

    @Option(names = "--project", description = "Project id (also the model name). Default: load-<timestamp>, new every run.")
    public String projectId;

    @Option(names = "--base-port", defaultValue = "8080",
            description = "Router listens here, inference +1, crowd +2, qc +3. Default: ${DEFAULT-VALUE}.")
    public int basePort;

    @Option(names = "--run-dir", paramLabel = "<dir>",
            description = "Where the service logs and the report (load.md) go. Default: <tmp>/centaur-runs/<project>.")
    public Path runDir;

    @Option(names = "--rpc-timeout", defaultValue = "30", description = "Deadline of each RPC, seconds. Default: ${DEFAULT-VALUE}.")
    public int rpcTimeoutSeconds;

    @Option(names = "--train-timeout", defaultValue = "900", description = "Deadline of the Train RPC, seconds. Default: ${DEFAULT-VALUE}.")
    public int trainTimeoutSeconds;

    /** SubmitItems calls per second. */
    public double callsPerSecond() {
        return itemsPerSecond / batchSize;
    }

    /** The stated answer rate, or the rate the crowd items need with some headroom. */
    public double answersPerSecondOrDefault() {
        if (answersPerSecond != null) {
            return answersPerSecond;
        }
        double needed = itemsPerSecond * crowdShare * overlap * ANSWER_HEADROOM;
        return Math.ceil(needed * 10) / 10;
    }
}
