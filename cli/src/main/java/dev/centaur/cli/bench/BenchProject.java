package dev.centaur.cli.bench;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.cli.demo.AnnotatorCrew;
import dev.centaur.cli.demo.ExpertPanel;
import dev.centaur.cli.demo.ProgressWatcher;
import dev.centaur.cli.demo.ReplayAnnotator;
import dev.centaur.cli.items.ItemUpload;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.ExportGoldenItemsRequest;
import dev.centaur.router.v1.ExportLabelsRequest;
import dev.centaur.router.v1.FinalLabel;
import dev.centaur.router.v1.GetCurveRequest;
import dev.centaur.router.v1.GetCurveResponse;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.PolicyMode;
import dev.centaur.router.v1.Project;
import io.grpc.StatusRuntimeException;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One project of the bench, run through the real services: create it with its policy, add the
 * golden set, train the shared model (first project only), wait for router to choose the operating
 * point when the policy asks it to, submit the items, let the replayed workers answer and the
 * experts review QC's sample, then export the final labels.
 */
final class BenchProject {

    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration REVIEW_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration OPERATING_POINT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PROBE_WAIT = Duration.ofMinutes(4);
    private static final Duration PROBES_SETTLED = Duration.ofSeconds(20);

    /** What to run: the project's id and role in the table, its policy, what it labels. */
    record Spec(String projectId, String role, Policy policy, List<DatasetItem> submitted, boolean train) {
    }

    /** Final labels by item id, what the run paid, and the curve and threshold it ran at. */
    record Outcome(Map<String, LabelOutcome> labels, long answersSubmitted, long expertReviews,
            GetCurveResponse curve) {
    }

    private final BenchData data;
    private final String modelName;
    private final BenchOptions options;
    private final CentaurClients clients;
    private final PrintStream out;

    BenchProject(BenchData data, String modelName, BenchOptions options, CentaurClients clients, PrintStream out) {
        this.data = data;
        this.modelName = modelName;
        this.options = options;
        this.clients = clients;
        this.out = out;
    }

    Outcome run(Spec spec) {
        String prefix = "[" + data.dataset().name() + " " + spec.role() + "] ";
        Project project = create(spec, prefix);
        ItemUpload upload = new ItemUpload(clients, out);
        upload.addGolden(spec.projectId(), data.golden(), data.dataset().gold());
        if (spec.train()) {
            upload.train(project, options.seed, Duration.ofSeconds(options.trainTimeoutSeconds));
        }
        long answers;
        try (AnnotatorCrew crew = new AnnotatorCrew(clients, spec.projectId(), options.annotatorThreads, out)) {
            // Golden items too: router sends a share of them to the crowd as probes to measure it.
            crew.start(ReplayAnnotator.forWorkers(data.dataset().answersByWorker(),
                    spec.submitted().stream().map(DatasetItem::id).toList(),
                    data.golden().stream().map(DatasetItem::id).toList()));
            PolicyMode mode = spec.policy().getMode();
            if (mode == PolicyMode.POLICY_MODE_TARGET_ACCURACY || mode == PolicyMode.POLICY_MODE_BUDGET) {
                awaitOperatingPoint(spec.projectId(), prefix);
            }
            upload.submit(spec.projectId(), spec.submitted());
            ProgressWatcher.Settings watch = new ProgressWatcher.Settings(spec.submitted().size(),
                    spec.policy().getOverlap(), true, Duration.ofSeconds(options.stallTimeoutSeconds),
                    Duration.ofSeconds(options.runTimeoutSeconds), Duration.ofSeconds(options.pollIntervalSeconds), prefix);
            new ProgressWatcher(watch, spec.projectId(), clients, out).awaitAllLabeled(crew);
            crew.close();
            answers = crew.answersSubmitted();
        }
        ExpertPanel experts = new ExpertPanel(clients, spec.projectId(), data.dataset().gold(), options.experts);
        experts.reviewAll(REVIEW_TIMEOUT);
        GetCurveResponse curve = curve(spec.projectId());
        Map<String, LabelOutcome> labels = export(spec.projectId());
        out.printf(Locale.ROOT, "%sdone: %d final labels, %d crowd answers, %d expert reviews, threshold %.3f%n",
                prefix, labels.size(), answers, experts.reviewsSubmitted(), curve.getEffectiveThreshold());
        return new Outcome(labels, answers, experts.reviewsSubmitted(), curve);
    }

    private Project create(Spec spec, String prefix) {
        Project project = Project.newBuilder().setProjectId(spec.projectId())
                .setName("Centaur bench: " + data.dataset().name() + ", " + spec.role())
                .addAllLabels(data.dataset().labels()).setInstructions(data.dataset().instructions())
                .setPolicy(spec.policy()).setModelName(modelName).build();
        Project created = RpcFailure.call("CreateProject", () ->
                clients.projects().createProject(CreateProjectRequest.newBuilder().setProject(project).build())).getProject();
        out.println(prefix + "project " + spec.projectId() + ": " + describe(spec.policy()));
        return created;
    }

    /**
     * Router chooses the threshold once it has judged the held-out golden items; items submitted
     * before that would be routed at the starting threshold.
     */
    private void awaitOperatingPoint(String projectId, String prefix) {
        AtomicLong holdout = new AtomicLong();
        RpcFailure.call("ExportGoldenItems", () -> {
            clients.router(EXPORT_TIMEOUT).exportGoldenItems(ExportGoldenItemsRequest.newBuilder()
                    .setProjectId(projectId).setIncludeHoldout(true).build())
                    .forEachRemaining(item -> holdout.addAndGet(item.getHoldout() ? 1 : 0));
            return holdout;
        });
        long start = System.nanoTime();
        long probes = -1;
        long probesSince = start;
        while (System.nanoTime() - start < OPERATING_POINT_TIMEOUT.toNanos()) {
            GetCurveResponse curve = curve(projectId);
            long now = System.nanoTime();
            boolean applied = curve.getEvidence().getGoldenItems() >= holdout.get() && curve.hasOperatingPoint()
                    && Math.abs(curve.getEffectiveThreshold() - curve.getOperatingPoint().getThreshold()) < 1e-9;
            if (curve.getEvidence().getCrowdProbeItems() != probes) {
                probes = curve.getEvidence().getCrowdProbeItems();
                probesSince = now;
            }
            // The crowd's accuracy is measured on golden probes as they come back: wait until they stop
            // coming (a handful would make a poor estimate), or give up waiting after a while.
            boolean crowdSettled = (probes > 0 && now - probesSince > PROBES_SETTLED.toNanos())
                    || now - start > PROBE_WAIT.toNanos();
            if (applied && crowdSettled) {
                out.printf(Locale.ROOT, "%soperating point: threshold %.3f (%s). Evidence: %s%n", prefix,
                        curve.getOperatingPoint().getThreshold(), curve.getOperatingPoint().getExplanation(),
                        curve.getEvidence().getDescription());
                return;
            }
            sleep(Duration.ofSeconds(options.pollIntervalSeconds));
        }
        throw new CliException(prefix + "router chose no operating point within " + OPERATING_POINT_TIMEOUT.toSeconds()
                + " s of judging " + holdout.get() + " held-out golden items");
    }

    private GetCurveResponse curve(String projectId) {
        return RpcFailure.call("GetCurve", () ->
                clients.router().getCurve(GetCurveRequest.newBuilder().setProjectId(projectId).build()));
    }

    private Map<String, LabelOutcome> export(String projectId) {
        Map<String, LabelOutcome> labels = new HashMap<>();
        try {
            clients.router(EXPORT_TIMEOUT).exportLabels(ExportLabelsRequest.newBuilder().setProjectId(projectId).build())
                    .forEachRemaining(response -> {
                        FinalLabel label = response.getLabel();
                        LabelOutcome previous = labels.put(label.getItemId(), new LabelOutcome(label.getLabel(),
                                label.getSource().name().replaceFirst("^LABEL_SOURCE_", ""), label.getAnswersUsed()));
                        if (previous != null) {
                            throw new CliException("Project " + projectId + " exported item " + label.getItemId() + " twice");
                        }
                    });
        } catch (StatusRuntimeException e) {
            throw new CliException(RpcFailure.describe("ExportLabels", e), e);
        }
        return labels;
    }

    static String describe(Policy policy) {
        String routing = switch (policy.getMode()) {
            case POLICY_MODE_TARGET_ACCURACY -> String.format(Locale.ROOT, "target accuracy %.4f", policy.getTargetAccuracy());
            case POLICY_MODE_BUDGET -> String.format(Locale.ROOT, "budget %.4f per item", policy.getBudgetPerItem());
            default -> String.format(Locale.ROOT, "threshold %.2f", policy.getThreshold());
        };
        String overlap = policy.getMaxOverlap() > 0
                ? String.format(Locale.ROOT, "overlap %d..%d until confidence %.2f", policy.getOverlap(), policy.getMaxOverlap(),
                        policy.getConfidenceTarget())
                : "overlap " + policy.getOverlap();
        return routing + ", " + overlap + ", aggregation " + policy.getAggregationMethod();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted", e);
        }
    }
}
