package dev.centaur.cli.load;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.ItemPages;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.cli.client.ServiceAddresses;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.cli.demo.AccuracyAnnotator;
import dev.centaur.cli.demo.DemoRunner;
import dev.centaur.cli.items.ItemUpload;
import dev.centaur.cli.launch.Database;
import dev.centaur.cli.launch.RunningServices;
import dev.centaur.crowd.v1.Annotator;
import dev.centaur.crowd.v1.ListAnnotatorsRequest;
import dev.centaur.crowd.v1.NextTaskRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorResponse;
import dev.centaur.inference.v1.PredictItem;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.Prediction;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.FinalLabel;
import dev.centaur.router.v1.GetLabelsRequest;
import dev.centaur.router.v1.GetLabelsResponse;
import dev.centaur.router.v1.GetProgressRequest;
import dev.centaur.router.v1.GetProgressResponse;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.PolicyMode;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.SetPolicyRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code centaur load}: starts PostgreSQL (if needed) and the four packaged services as the demo
 * does, sets up one project whose policy sends a stated share of items to the crowd, holds the
 * stated rates of item submissions and annotator answers for the stated time, waits until every
 * acknowledged item has its final label, checks that no work was lost or counted twice, and
 * reports throughput, latency percentiles and errors per operation.
 */
public final class LoadRunner {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMdd-HHmmss");
    private static final String LOOPBACK = "127.0.0.1";
    /** Items of the sample whose model confidence sets the threshold. */
    private static final int THRESHOLD_SAMPLE = 1000;
    /** The pacers start this long after setup, so the first intended times are not already past. */
    private static final Duration START_LEAD = Duration.ofMillis(200);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration DRAIN_POLL = Duration.ofSeconds(1);
    private static final Duration CROWD_SYNC_TIMEOUT = Duration.ofSeconds(60);
    private static final int LABEL_PAGE = 1000;
    private static final int MAX_NAME_LENGTH = 128;

    /** One run's outcome: the report and the figures behind it. */
    public record Result(String projectId, LoadReport report, Path reportFile, double threshold, OperationStats submitItems,
            OperationStats nextTask, OperationStats submitAnswer) {
    }

    private final LoadOptions options;
    private final PrintStream out;

    public LoadRunner(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public Result run() {
        checkOptions();
        String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        String projectId = options.projectId != null ? options.projectId : "load-" + stamp;
        Path runDir = options.runDir != null ? options.runDir
                : Path.of(System.getProperty("java.io.tmpdir"), "centaur-runs", projectId);
        double loadSeconds = (options.warmup.toNanos() + options.duration.toNanos()) / 1e9;
        LoadWorkload workload = LoadWorkload.generate(options.seed, options.goldenItems,
                LoadWorkload.batchesFor(options.callsPerSecond(), loadSeconds), options.batchSize);
        ServiceAddresses addresses = ServiceAddresses.fromBasePort(LOOPBACK, options.basePort);
        Database database = options.platform.provideDatabase(out);
        RunningServices services = null;
        try {
            services = options.platform.launcher(out).start(addresses, database, runDir);
            try (CentaurClients clients = new CentaurClients(addresses, Duration.ofSeconds(options.rpcTimeoutSeconds),
                    services.adminToken().orElse(null))) {
                return new Session(clients, projectId, workload, runDir).run();
            }
        } finally {
            if (services != null) {
                services.close();
            }
            DemoRunner.closeQuietly(database, out);
        }
    }

    /** One run against started services. */
    private final class Session {
        private final CentaurClients clients;
        private final String projectId;
        private final LoadWorkload workload;
        private final Path runDir;
        private double threshold;
        private double expectedCrowdShare;

        Session(CentaurClients clients, String projectId, LoadWorkload workload, Path runDir) {
            this.clients = clients;
            this.projectId = projectId;
            this.workload = workload;
            this.runDir = runDir;
        }

        Result run() {
            Project project = createProject();
            ItemUpload upload = new ItemUpload(clients, out);
            upload.addGolden(projectId, workload.golden(), workload.gold());
            upload.train(project, options.seed, Duration.ofSeconds(options.trainTimeoutSeconds));
            setThreshold();
            List<LoadAnnotator> annotators = registerAnnotators();
            awaitCrowdKnowsProject(annotators.get(0));

            double answersPerSecond = options.answersPerSecondOrDefault();
            long start = System.nanoTime() + START_LEAD.toNanos();
            RunWindow window = new RunWindow(start, start + options.warmup.toNanos(),
                    start + options.warmup.toNanos() + options.duration.toNanos());
            long drainDeadline = window.measureEndNanos() + options.drainTimeout.toNanos();
            LoadTraffic traffic = new LoadTraffic(clients, projectId, workload, annotators, window, options.callsPerSecond(),
                    answersPerSecond, options.submitThreads, drainDeadline);
            out.printf(Locale.ROOT, "Load: %.1f items/s (%d per SubmitItems), %.1f answers/s by %d annotators; warm-up %s, "
                            + "measured %s, drain up to %s%n", options.itemsPerSecond, options.batchSize, answersPerSecond,
                    annotators.size(), options.warmup, options.duration, options.drainTimeout);
            ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "load-progress");
                thread.setDaemon(true);
                return thread;
            });
            String loadAtStart;
            String loadAtEnd;
            boolean drained;
            long drainedAfterNanos;
            try {
                traffic.start();
                progress.scheduleAtFixedRate(() -> printProgress(traffic, window), PROGRESS_EVERY.toMillis(),
                        PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                sleepUntil(window.measureStartNanos());
                loadAtStart = loadAverage();
                sleepUntil(window.measureEndNanos());
                loadAtEnd = loadAverage();
                if (!traffic.awaitSubmissions(options.drainTimeout)) {
                    out.println("Some SubmitItems calls were still running " + options.drainTimeout + " after the window ("
                            + traffic.submissionsPending() + " pending)");
                }
                out.println("Submissions done; draining (annotators keep answering until every acknowledged item has its final label) ...");
                drained = awaitDrained(traffic.ledger(), drainDeadline);
                drainedAfterNanos = System.nanoTime() - window.measureEndNanos();
                if (!traffic.stopAnswers(clients.rpcTimeout().plusSeconds(5))) {
                    out.println("Some answers were still running after " + clients.rpcTimeout().plusSeconds(5));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("Interrupted during the load run", e);
            } finally {
                progress.shutdownNow();
            }

            Labels labels = listLabels();
            Map<String, Long> counted = crowdAnswerCounts(annotators);
            LoadLedger ledger = traffic.ledger();
            LostWork lostWork = LostWork.check(ledger.acknowledgedItems(), ledger.inDoubtItems(), labels.counts(),
                    ledger.acknowledgedAnswers(), ledger.inDoubtAnswers(), counted, labels.answersUsed());
            GetProgressResponse finalProgress = progress();
            LoadReport report = report(traffic, answersPerSecond, annotators.size(), loadAtStart, loadAtEnd, drained,
                    drainedAfterNanos, lostWork, finalProgress);
            Path file = runDir.resolve("load.md");
            try {
                Files.writeString(file, report.toMarkdown(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException("cannot write the report " + file + ": " + e.getMessage(), e);
            }
            out.println();
            out.print(report.toMarkdown());
            out.println("Report: " + file.toAbsolutePath());
            return new Result(projectId, report, file, threshold, traffic.submitItems(), traffic.nextTask(),
                    traffic.submitAnswer());
        }

        private Project createProject() {
            // Threshold 1 until the model is trained; setThreshold picks the one for the crowd share.
            Project project = Project.newBuilder().setProjectId(projectId).setName("Centaur load test")
                    .addAllLabels(workload.labels()).setInstructions(workload.instructions()).setPolicy(policy(1.0))
                    .setModelName(projectId).build();
            try {
                return clients.projects().createProject(CreateProjectRequest.newBuilder().setProject(project).build()).getProject();
            } catch (StatusRuntimeException e) {
                String hint = e.getStatus().getCode() == Status.Code.ALREADY_EXISTS ? " (choose another --project, or leave it out)" : "";
                throw new CliException(RpcFailure.describe("CreateProject", e) + hint, e);
            }
        }

        /** A fixed threshold and overlap, no control tasks and no golden probes: every crowd task is a load item. */
        private Policy policy(double threshold) {
            return Policy.newBuilder().setMode(PolicyMode.POLICY_MODE_THRESHOLD).setThreshold(threshold)
                    .setOverlap(options.overlap).setAggregationMethod(options.aggregation).setQcRate(options.qcRate)
                    .setControlRate(0).setGoldenCrowdShare(0).build();
        }

        /** The threshold that sends --crowd-share of a sample of the items to the crowd, by the trained model. */
        private void setThreshold() {
            List<DatasetItem> sample = workload.sample(THRESHOLD_SAMPLE);
            PredictRequest.Builder request = PredictRequest.newBuilder().setModelName(projectId);
            sample.forEach(item -> request.addItems(PredictItem.newBuilder().setItemId(item.id()).setContent(ItemPages.content(item))));
            List<Prediction> predictions = RpcFailure.call("Predict", () ->
                    clients.inference(clients.rpcTimeout()).predict(request.build())).getPredictionsList();
            double[] maxP = predictions.stream().mapToDouble(p -> p.getProbabilitiesList().stream()
                    .mapToDouble(Double::doubleValue).max().orElse(0)).toArray();
            threshold = LoadWorkload.thresholdForCrowdShare(maxP, options.crowdShare);
            long toCrowd = Arrays.stream(maxP).filter(p -> p < threshold).count();
            expectedCrowdShare = maxP.length == 0 ? 1 : (double) toCrowd / maxP.length;
            RpcFailure.call("SetPolicy", () -> clients.projects().setPolicy(SetPolicyRequest.newBuilder()
                    .setProjectId(projectId).setPolicy(policy(threshold))
                    .setReason("centaur load: threshold for a crowd share of " + options.crowdShare).build()));
            out.printf(Locale.ROOT, "Policy: threshold %.4f sends %.1f%% of %d sample items to the crowd (asked %.1f%%), overlap %d%n",
                    threshold, 100 * expectedCrowdShare, maxP.length, 100 * options.crowdShare, options.overlap);
        }

        private List<LoadAnnotator> registerAnnotators() {
            List<LoadAnnotator> annotators = new ArrayList<>();
            for (AccuracyAnnotator simulated : workload.annotators(options.annotators)) {
                String name = truncate(projectId + "/" + simulated.name());
                RegisterAnnotatorResponse response = RpcFailure.call("RegisterAnnotator(" + name + ")", () ->
                        clients.crowd().registerAnnotator(RegisterAnnotatorRequest.newBuilder().setName(name).build()));
                annotators.add(new LoadAnnotator(response.getAnnotator().getAnnotatorId(), response.getToken(), simulated));
            }
            out.println("Annotators: " + annotators.size() + " registered");
            return annotators;
        }

        /** Router pushes the project to crowd in the background; NextTask answers NOT_FOUND until then. */
        private void awaitCrowdKnowsProject(LoadAnnotator annotator) {
            long deadline = System.nanoTime() + CROWD_SYNC_TIMEOUT.toNanos();
            while (true) {
                try {
                    clients.crowdAs(annotator.token()).nextTask(NextTaskRequest.newBuilder().setProjectId(projectId).build());
                    return;
                } catch (StatusRuntimeException e) {
                    if (e.getStatus().getCode() != Status.Code.NOT_FOUND || System.nanoTime() - deadline > 0) {
                        throw new CliException(RpcFailure.describe("NextTask", e) + " while waiting for crowd to know project "
                                + projectId, e);
                    }
                }
                sleepQuietly(DRAIN_POLL);
            }
        }

        /** Until router has a final label for every item it stored, and it stored at least the acknowledged ones. */
        private boolean awaitDrained(LoadLedger ledger, long deadline) throws InterruptedException {
            long acknowledged = ledger.acknowledgedItems().size();
            String lastError = null;
            while (true) {
                try {
                    GetProgressResponse p = clients.router().getProgress(GetProgressRequest.newBuilder().setProjectId(projectId).build());
                    if (p.getItems() >= acknowledged && p.getLabeled() >= p.getItems()) {
                        return true;
                    }
                } catch (StatusRuntimeException e) {
                    lastError = RpcFailure.describe("GetProgress", e);
                }
                if (System.nanoTime() - deadline > 0) {
                    out.println("Drain timed out" + (lastError == null ? "" : "; last error: " + lastError));
                    return false;
                }
                Thread.sleep(DRAIN_POLL.toMillis());
            }
        }

        private void printProgress(LoadTraffic traffic, RunWindow window) {
            long now = System.nanoTime();
            String phase = window.phaseOf(now).name().toLowerCase(Locale.ROOT);
            LoadLedger ledger = traffic.ledger();
            String router;
            try {
                GetProgressResponse p = progress();
                router = String.format(Locale.ROOT, "router: %d items, %d labeled, %d with crowd", p.getItems(), p.getLabeled(),
                        p.getWithCrowd());
            } catch (CliException e) {
                router = e.getMessage();
            }
            out.printf(Locale.ROOT, "  %4d s %-7s items acknowledged %d, answers acknowledged %d, failed calls %d; %s%n",
                    TimeUnit.NANOSECONDS.toSeconds(now - window.startNanos()), phase, ledger.acknowledgedItems().size(),
                    ledger.acknowledgedAnswerCount(), traffic.submitItems().errorCount() + traffic.nextTask().errorCount()
                            + traffic.submitAnswer().errorCount(), router);
        }

        private GetProgressResponse progress() {
            return RpcFailure.call("GetProgress", () ->
                    clients.router().getProgress(GetProgressRequest.newBuilder().setProjectId(projectId).build()));
        }

        private Labels listLabels() {
            Map<String, Integer> counts = new HashMap<>();
            long answersUsed = 0;
            String after = "";
            do {
                String from = after;
                GetLabelsResponse page = RpcFailure.call("GetLabels", () -> clients.router().getLabels(GetLabelsRequest.newBuilder()
                        .setProjectId(projectId).setAfterItemId(from).setPageSize(LABEL_PAGE).build()));
                for (FinalLabel label : page.getLabelsList()) {
                    counts.merge(label.getItemId(), 1, Integer::sum);
                    answersUsed += label.getAnswersUsed();
                }
                after = page.getNextAfterItemId();
            } while (!after.isEmpty());
            return new Labels(counts, answersUsed);
        }

        /** Crowd's answer count of each load annotator (an annotator crowd does not list counts 0). */
        private Map<String, Long> crowdAnswerCounts(List<LoadAnnotator> annotators) {
            Set<String> ours = new HashSet<>(annotators.stream().map(LoadAnnotator::id).toList());
            Map<String, Long> counts = new HashMap<>();
            for (Annotator annotator : RpcFailure.call("ListAnnotators", () ->
                    clients.crowd().listAnnotators(ListAnnotatorsRequest.getDefaultInstance())).getAnnotatorsList()) {
                if (ours.contains(annotator.getAnnotatorId())) {
                    counts.put(annotator.getAnnotatorId(), annotator.getAnswers());
                }
            }
            return counts;
        }

        private LoadReport report(LoadTraffic traffic, double answersPerSecond, int annotatorCount, String loadAtStart,
                String loadAtEnd, boolean drained, long drainedAfterNanos, LostWork lostWork, GetProgressResponse progress) {
            OperationStats submit = traffic.submitItems();
            OperationStats next = traffic.nextTask();
            OperationStats answer = traffic.submitAnswer();
            List<String> setup = List.of(
                    String.format(Locale.ROOT, "Offered: %.1f items/s as SubmitItems of %d items (%.2f calls/s) and %.1f answers/s "
                                    + "(NextTask, then SubmitAnswer) by %d annotators, for %s after %s of warm-up; at most %d "
                                    + "SubmitItems in flight.", options.itemsPerSecond, options.batchSize, options.callsPerSecond(),
                            answersPerSecond, annotatorCount, options.duration, options.warmup, options.submitThreads),
                    String.format(Locale.ROOT, "Project %s: threshold %.4f (sends %.1f%% of a sample to the crowd), overlap %d, "
                                    + "aggregation %s, qc rate %.2f, no control tasks or golden probes.", projectId, threshold,
                            100 * expectedCrowdShare, options.overlap, options.aggregation, options.qcRate),
                    String.format(Locale.ROOT, "Machine: %d cores; load average (1 min) %s at the window's start, %s at its end "
                            + "(services, PostgreSQL and this client share it).", Runtime.getRuntime().availableProcessors(),
                            loadAtStart, loadAtEnd),
                    "Latency runs from each call's intended send time (open loop): time waiting for a free thread or "
                            + "annotator counts. SubmitAnswer's runs from the moment its NextTask answered.");
            List<LoadReport.Row> rows = List.of(
                    LoadReport.Row.of(submit, String.format(Locale.ROOT, "%.1f items (%.2f calls)", options.itemsPerSecond,
                            options.callsPerSecond()), String.format(Locale.ROOT, "%.1f items (%.2f calls)",
                            submit.achievedUnitsPerSecond(), submit.achievedCallsPerSecond())),
                    LoadReport.Row.of(next, String.format(Locale.ROOT, "%.1f", answersPerSecond),
                            String.format(Locale.ROOT, "%.1f (%.1f with a task)", next.achievedCallsPerSecond(),
                                    next.achievedUnitsPerSecond())),
                    LoadReport.Row.of(answer, String.format(Locale.ROOT, "%.1f", answersPerSecond),
                            String.format(Locale.ROOT, "%.1f", answer.achievedUnitsPerSecond())));
            List<String> notes = new ArrayList<>();
            for (RunWindow.Phase phase : List.of(RunWindow.Phase.WARMUP, RunWindow.Phase.DRAIN)) {
                long calls = 0;
                List<String> failures = new ArrayList<>();
                for (OperationStats stats : List.of(submit, next, answer)) {
                    calls += stats.successes(phase) + stats.errorCount(phase);
                    if (stats.errorCount(phase) > 0) {
                        failures.add(stats.name() + " " + LoadReport.errorText(stats.errors(phase)));
                    }
                }
                notes.add(String.format(Locale.ROOT, "%s: %d calls, %s.", phase == RunWindow.Phase.WARMUP ? "Warm-up" : "Drain",
                        calls, failures.isEmpty() ? "no errors" : "errors: " + String.join("; ", failures)));
            }
            long empty = next.empty(RunWindow.Phase.MEASURE);
            if (empty > 0) {
                notes.add(String.format(Locale.ROOT, "NextTask found no open task %d times in the window (%.1f%% of its calls): "
                        + "the annotators were offered more than the crowd items needed then.", empty,
                        100.0 * empty / Math.max(1, next.successes(RunWindow.Phase.MEASURE))));
            }
            notes.add(drained ? String.format(Locale.ROOT, "Drain: every acknowledged item had its final label %.1f s after the window.",
                    drainedAfterNanos / 1e9) : "Drain: NOT every acknowledged item had its final label within " + options.drainTimeout + ".");
            long crowdLabels = progress.getLabeledBySourceOrDefault("CROWD", 0) + progress.getLabeledBySourceOrDefault("HYBRID", 0);
            notes.add(String.format(Locale.ROOT, "Final labels: %d of %d items (%d by the crowd: %.1f%%; %d by the model), "
                            + "%d crowd answers used, %d offered to qc.", progress.getLabeled(), progress.getItems(), crowdLabels,
                    100.0 * crowdLabels / Math.max(1, progress.getLabeled()), progress.getLabeledBySourceOrDefault("MODEL", 0),
                    progress.getCrowdAnswers(), progress.getOfferedToQc()));
            long errors = submit.errorCount() + next.errorCount() + answer.errorCount();
            return new LoadReport("Centaur load: " + projectId, setup, rows, notes, lostWork, errors, drained);
        }
    }

    private record Labels(Map<String, Integer> counts, long answersUsed) {
    }

    /** The 1-minute load average from /proc/loadavg, or "n/a" where there is none. */
    static String loadAverage() {
        try {
            String text = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
            return text.split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static String truncate(String name) {
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH);
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted", e);
        }
    }

    private void checkOptions() {
        LoadOptions o = options;
        require(o.itemsPerSecond > 0, "--items-per-second must be > 0, was " + o.itemsPerSecond);
        require(o.batchSize >= 1 && o.batchSize <= ItemPages.MAX_ITEMS, "--batch-size must be in [1, " + ItemPages.MAX_ITEMS
                + "], was " + o.batchSize);
        require(o.answersPerSecond == null || o.answersPerSecond >= 0, "--answers-per-second must be >= 0, was " + o.answersPerSecond);
        require(!o.duration.isNegative() && !o.duration.isZero(), "--duration must be > 0, was " + o.duration);
        require(!o.warmup.isNegative(), "--warmup must be >= 0, was " + o.warmup);
        require(!o.drainTimeout.isNegative(), "--drain-timeout must be >= 0, was " + o.drainTimeout);
        require(o.crowdShare >= 0 && o.crowdShare <= 1, "--crowd-share must be in [0, 1], was " + o.crowdShare);
        require(o.overlap >= 1 && o.overlap <= 20, "--overlap must be in [1, 20], was " + o.overlap);
        require(o.annotators >= o.overlap, "--annotators must be at least --overlap (" + o.overlap + "), was " + o.annotators);
        require(o.submitThreads >= 1, "--submit-threads must be >= 1, was " + o.submitThreads);
        require(o.goldenItems >= 10, "--golden-items must be >= 10 (the model trains on them), was " + o.goldenItems);
        require(o.qcRate > 0 && o.qcRate <= 1, "--qc-rate must be in (0, 1], was " + o.qcRate);
        require(o.basePort >= 1024 && o.basePort <= 65532, "--base-port must be in [1024, 65532], was " + o.basePort);
        require(o.rpcTimeoutSeconds >= 1, "--rpc-timeout must be >= 1, was " + o.rpcTimeoutSeconds);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new CliException(message);
        }
    }
}
