package dev.centaur.cli.bench;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.ItemPages;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.cli.client.ServiceAddresses;
import dev.centaur.cli.dataset.Dataset;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.cli.dataset.DatasetLoader;
import dev.centaur.cli.demo.DemoRunner;
import dev.centaur.cli.launch.Database;
import dev.centaur.cli.launch.RunningServices;
import dev.centaur.inference.v1.PredictItem;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.PredictResponse;
import dev.centaur.inference.v1.Prediction;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.PolicyMode;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code centaur bench}: the headline comparison on real crowd data through the real services. Per
 * data set: a crowd-only run with every recorded answer (Human), the model alone (Model), and two
 * hybrid runs whose operating point router chooses from the golden set: the cheapest point meant
 * to reach Human's accuracy (measured on the golden items) and the most accurate point within
 * Human's cost. Results count only the evaluated items.
 */
public final class BenchRunner {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMdd-HHmmss");
    private static final String LOOPBACK = "127.0.0.1";
    private static final int PREDICT_PAGE = 500;
    private static final int CURVE_STEPS = 100;

    /** One data set's outcome: the table, the curve, and where the picture went. */
    public record DatasetResult(String dataset, int golden, int evaluated, HeadlineTable table,
            List<RelabelingCurve.Point> curve, Path picture, double humanGoldenAccuracy, Duration elapsed) {
    }

    private final BenchOptions options;
    private final PrintStream out;

    public BenchRunner(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public List<DatasetResult> run() {
        checkOptions();
        List<BenchData> datasets = new ArrayList<>();
        for (Path folder : options.datasetsOrDefault()) {
            Dataset dataset = new DatasetLoader().load(folder).sample(options.items, options.seed);
            BenchData data = BenchData.split(dataset, options.goldenShare, options.seed);
            out.printf(Locale.ROOT, "Data %s: %d items, %d golden (model and curve, not counted), %d evaluated, %d recorded answers per item%n",
                    dataset.name(), dataset.items().size(), data.golden().size(), data.evaluated().size(), data.recordedOverlap());
            datasets.add(data);
        }
        createOutDir();
        ServiceAddresses addresses = ServiceAddresses.fromBasePort(LOOPBACK, options.basePort);
        String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        Path runDir = Path.of(System.getProperty("java.io.tmpdir"), "centaur-runs", "bench-" + stamp);
        Database database = options.platform.provideDatabase(out);
        RunningServices services = null;
        List<DatasetResult> results = new ArrayList<>();
        try {
            services = options.platform.launcher(out).start(addresses, database, runDir);
            try (CentaurClients clients = new CentaurClients(addresses, Duration.ofSeconds(options.rpcTimeoutSeconds),
                    services.adminToken().orElse(null))) {
                for (BenchData data : datasets) {
                    results.add(runDataset(data, stamp, clients));
                }
            }
        } finally {
            if (services != null) {
                services.close();
            }
            DemoRunner.closeQuietly(database, out);
        }
        writeReport(results);
        return results;
    }

    private DatasetResult runDataset(BenchData data, String stamp, CentaurClients clients) {
        long start = System.nanoTime();
        String name = data.dataset().name();
        String base = "bench-" + name + "-" + stamp;
        BenchProject projects = new BenchProject(data, base, options, clients, out);
        out.println();
        out.println("== " + name + ": Human (crowd only, every recorded answer) ==");
        List<DatasetItem> goldenAndEvaluated = Stream.concat(data.golden().stream(), data.evaluated().stream()).toList();
        BenchProject.Outcome human = projects.run(new BenchProject.Spec(base + "-human", "human",
                humanPolicy(data), goldenAndEvaluated, true));
        double humanGoldenAccuracy = accuracy(data.golden().stream().map(DatasetItem::id).toList(), human.labels(), data);
        double humanCost = data.recordedOverlap() * options.pricePerAnswer;
        out.printf(Locale.ROOT, "Human accuracy on the golden items: %.4f (the cost-optimized target); crowd cost per item %.4f%n",
                humanGoldenAccuracy, humanCost);
        Map<String, ModelGuess> model = predict(clients, base, data.evaluated());

        out.println();
        out.println("== " + name + ": Hybrid runs (cost-optimized and quality-optimized, side by side) ==");
        BenchProject.Spec cost = new BenchProject.Spec(base + "-cost", "cost-optimized",
                costPolicy(data, humanGoldenAccuracy), data.evaluated(), false);
        BenchProject.Spec quality = new BenchProject.Spec(base + "-quality", "quality-optimized",
                qualityPolicy(data, humanCost), data.evaluated(), false);
        List<BenchProject.Outcome> hybrid = runSideBySide(projects, List.of(cost, quality));

        List<String> evalIds = data.evaluatedIds();
        Map<String, String> gold = data.dataset().gold();
        HeadlineTable table = HeadlineTable.compute(evalIds, gold, options.tablePrices(), human.labels(), model,
                hybrid.get(0).labels(), hybrid.get(1).labels());
        Map<String, String> humanLabels = new HashMap<>();
        human.labels().forEach((id, outcome) -> humanLabels.put(id, outcome.label()));
        List<RelabelingCurve.Point> curve = RelabelingCurve.compute(evalIds, model, humanLabels, gold, CURVE_STEPS);
        Path picture = options.outDir.resolve("curve-" + name + ".png");
        try {
            CurvePicture.writePng(picture, name + ": accuracy against share relabeled by humans (" + evalIds.size()
                    + " evaluated items)", curve, table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + picture, e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        DatasetResult result = new DatasetResult(name, data.golden().size(), evalIds.size(), table, curve, picture,
                humanGoldenAccuracy, elapsed);
        out.println();
        out.print(table.toMarkdown(name));
        table.verdicts().forEach(verdict -> out.println("  " + verdict));
        out.printf(Locale.ROOT, "  thresholds chosen by router: cost-optimized %.3f, quality-optimized %.3f; %s in %d s%n",
                hybrid.get(0).curve().getEffectiveThreshold(), hybrid.get(1).curve().getEffectiveThreshold(), name,
                elapsed.toSeconds());
        out.println("  curve picture: " + picture.toAbsolutePath());
        return result;
    }

    /** Crowd only: nothing reaches a threshold of 1, every item gets all its recorded answers. */
    private Policy humanPolicy(BenchData data) {
        return common().setThreshold(1.0).setOverlap(data.recordedOverlap())
                .setAggregationMethod(options.humanAggregation).build();
    }

    /** The cheapest point router expects to reach Human's accuracy; few answers, more only where unsure. */
    private Policy costPolicy(BenchData data, double humanGoldenAccuracy) {
        int minOverlap = Math.min(options.costMinOverlap, data.recordedOverlap());
        Policy.Builder policy = common().setMode(PolicyMode.POLICY_MODE_TARGET_ACCURACY).setThreshold(1.0)
                .setTargetAccuracy(humanGoldenAccuracy).setOverlap(minOverlap)
                .setAggregationMethod(options.hybridAggregation);
        if (data.recordedOverlap() > minOverlap) {
            policy.setMaxOverlap(data.recordedOverlap()).setConfidenceTarget(options.costConfidence);
        }
        return policy.build();
    }

    /**
     * The most accurate point whose expected cost is within Human's: the same crowd answers and
     * expert reviews, plus the model's predictions.
     */
    private Policy qualityPolicy(BenchData data, double humanCrowdCost) {
        double budget = humanCrowdCost + options.pricePer1kPredictions / 1000 + options.qcRate * options.pricePerReview;
        return common().setMode(PolicyMode.POLICY_MODE_BUDGET).setThreshold(1.0).setBudgetPerItem(budget)
                .setOverlap(data.recordedOverlap()).setAggregationMethod(options.hybridAggregation).build();
    }

    private Policy.Builder common() {
        return Policy.newBuilder().setQcRate(options.qcRate).setPricePerCrowdAnswer(options.pricePerAnswer)
                .setPricePerExpertReview(options.pricePerReview).setPricePer1KPredictions(options.pricePer1kPredictions);
    }

    private List<BenchProject.Outcome> runSideBySide(BenchProject projects, List<BenchProject.Spec> specs) {
        ExecutorService pool = Executors.newFixedThreadPool(specs.size());
        try {
            List<Future<BenchProject.Outcome>> futures = specs.stream().map(spec -> pool.submit(() -> projects.run(spec))).toList();
            List<BenchProject.Outcome> outcomes = new ArrayList<>();
            for (Future<BenchProject.Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CliException(e.getCause().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The model alone: the active version's most probable label for each evaluated item. */
    private Map<String, ModelGuess> predict(CentaurClients clients, String modelName, List<DatasetItem> items) {
        Map<String, ModelGuess> guesses = new HashMap<>();
        for (int from = 0; from < items.size(); from += PREDICT_PAGE) {
            PredictRequest.Builder request = PredictRequest.newBuilder().setModelName(modelName);
            items.subList(from, Math.min(items.size(), from + PREDICT_PAGE)).forEach(item -> request.addItems(
                    PredictItem.newBuilder().setItemId(item.id()).setContent(ItemPages.content(item))));
            PredictResponse response = RpcFailure.call("Predict", () ->
                    clients.inference(Duration.ofSeconds(options.rpcTimeoutSeconds)).predict(request.build()));
            for (Prediction prediction : response.getPredictionsList()) {
                int best = 0;
                for (int i = 1; i < prediction.getProbabilitiesCount(); i++) {
                    if (prediction.getProbabilities(i) > prediction.getProbabilities(best)) {
                        best = i;
                    }
                }
                guesses.put(prediction.getItemId(), new ModelGuess(response.getLabels(best), prediction.getProbabilities(best)));
            }
        }
        return guesses;
    }

    private static double accuracy(List<String> ids, Map<String, LabelOutcome> labels, BenchData data) {
        long correct = ids.stream().filter(id -> labels.containsKey(id)
                && data.dataset().gold().get(id).equals(labels.get(id).label())).count();
        return (double) correct / ids.size();
    }

    private void writeReport(List<DatasetResult> results) {
        StringBuilder report = new StringBuilder("# Centaur bench: human, model and hybrid on real crowd data\n\n");
        report.append(String.format(Locale.ROOT, "Prices: %.2f per crowd answer, %.2f per expert review, %.2f per 1,000 predictions; "
                + "QC rate %.2f in every run (not in the cost column); golden share %.2f, seed %d.%n%n",
                options.pricePerAnswer, options.pricePerReview, options.pricePer1kPredictions, options.qcRate,
                options.goldenShare, options.seed));
        for (DatasetResult result : results) {
            report.append(result.table().toMarkdown(result.dataset())).append('\n');
            result.table().verdicts().forEach(verdict -> report.append("- ").append(verdict).append('\n'));
            report.append(String.format(Locale.ROOT, "- %d golden items (Human's accuracy on them %.4f), %d evaluated; %d s%n%n",
                    result.golden(), result.humanGoldenAccuracy(), result.evaluated(), result.elapsed().toSeconds()));
        }
        Path file = options.outDir.resolve("headline.md");
        try {
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        out.println();
        out.println("Tables: " + file.toAbsolutePath());
    }

    private void createOutDir() {
        try {
            Files.createDirectories(options.outDir);
        } catch (IOException e) {
            throw new CliException("cannot create --out " + options.outDir + ": " + e.getMessage(), e);
        }
    }

    private void checkOptions() {
        BenchOptions o = options;
        require(o.goldenShare > 0 && o.goldenShare < 1, "--golden-share must be in (0, 1), was " + o.goldenShare);
        require(o.items >= 0, "--items must be >= 0, was " + o.items);
        require(o.qcRate >= 0 && o.qcRate <= 1, "--qc-rate must be in [0, 1], was " + o.qcRate);
        require(o.costMinOverlap >= 1 && o.costMinOverlap <= 20, "--cost-min-overlap must be in [1, 20], was " + o.costMinOverlap);
        require(o.costConfidence > 0 && o.costConfidence <= 1, "--cost-confidence must be in (0, 1], was " + o.costConfidence);
        require(o.pricePerAnswer > 0, "--price-per-answer must be > 0 (the cost comparison divides by it), was " + o.pricePerAnswer);
        require(o.pricePerReview >= 0 && o.pricePer1kPredictions >= 0, "prices must be >= 0");
        require(o.annotatorThreads >= 1, "--annotator-threads must be >= 1, was " + o.annotatorThreads);
        require(o.experts >= 1, "--experts must be >= 1, was " + o.experts);
        require(o.basePort >= 1024 && o.basePort <= 65532, "--base-port must be in [1024, 65532], was " + o.basePort);
        require(o.pollIntervalSeconds >= 1, "--poll-interval must be >= 1, was " + o.pollIntervalSeconds);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new CliException(message);
        }
    }
}
