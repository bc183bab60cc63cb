package dev.centaur.systemtests;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.ItemPages;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.cli.demo.AnnotatorCrew;
import dev.centaur.cli.demo.ExpertPanel;
import dev.centaur.cli.demo.ProgressWatcher;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.ExportLabelsRequest;
import dev.centaur.router.v1.FinalLabel;
import dev.centaur.router.v1.GetProgressRequest;
import dev.centaur.router.v1.GetProgressResponse;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.PolicyMode;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.SubmitItemsRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One project labeling the workload end to end through the running services: created with a fixed
 * threshold, full overlap and majority vote (so its labels do not depend on timing), items
 * submitted in chunks, replayed workers answering, experts reviewing QC's sample from gold, and
 * the final labels exported once every correction reached router.
 */
final class ProjectRun implements AutoCloseable {

    /** What a finished run left: final labels by item, router's progress, what the clients did. */
    record Outcome(String projectId, Map<String, FinalLabel> labels, GetProgressResponse progress, long answersSubmitted,
            long reviewsSubmitted, long corrections) {
    }

    static final double QC_RATE = 0.1;
    static final String AGGREGATION = "MV";
    private static final int ANNOTATOR_THREADS = 4;
    private static final int EXPERTS = 2;
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration REVIEW_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration CORRECTIONS_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(1);

    private final CentaurClients clients;
    private final Workload workload;
    private final String projectId;
    private final PrintStream out;
    private final AnnotatorCrew crew;

    ProjectRun(SystemUnderTest sut, Workload workload, String projectId, PrintStream out) {
        this.clients = sut.clients;
        this.workload = workload;
        this.projectId = projectId;
        this.out = out;
        this.crew = new AnnotatorCrew(clients, projectId, ANNOTATOR_THREADS, out);
    }

    String projectId() {
        return projectId;
    }

    AnnotatorCrew crew() {
        return crew;
    }

    /** Creates the project on the shared model and starts the replayed workers. */
    void start(String modelName, double threshold) {
        Policy policy = Policy.newBuilder().setMode(PolicyMode.POLICY_MODE_THRESHOLD).setThreshold(threshold)
                .setOverlap(workload.overlap()).setAggregationMethod(AGGREGATION).setQcRate(QC_RATE)
                .setControlRate(0).build();
        Project project = Project.newBuilder().setProjectId(projectId).setName("fault tests " + projectId)
                .addAllLabels(workload.dataset().labels()).setInstructions(workload.dataset().instructions())
                .setPolicy(policy).setModelName(modelName).build();
        try {
            Rpc.retrying("CreateProject", () ->
                    clients.projects().createProject(CreateProjectRequest.newBuilder().setProject(project).build()));
        } catch (AssertionError e) {
            // A retry after a lost answer finds the project made by the first attempt.
            if (!(e.getCause() instanceof StatusRuntimeException refused)
                    || refused.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        }
        crew.start(workload.annotators());
    }

    /** Submits items, page by page, riding out a restarting router (SubmitItems is idempotent). */
    void submit(List<DatasetItem> items) {
        for (SubmitItemsRequest page : ItemPages.submitPages(projectId, items)) {
            Rpc.retrying("SubmitItems", () -> clients.router().submitItems(page));
        }
        out.println("[" + projectId + "] submitted " + items.size() + " items");
    }

    GetProgressResponse awaitAllLabeled() {
        ProgressWatcher.Settings settings = new ProgressWatcher.Settings(workload.submitted().size(), workload.overlap(),
                true, STALL_TIMEOUT, RUN_TIMEOUT, POLL, "[" + projectId + "] ");
        return new ProgressWatcher(settings, projectId, clients, out).awaitAllLabeled(crew);
    }

    /** Stops the workers, lets the experts review QC's sample, waits for the corrections, exports. */
    Outcome finish(Pipeline pipeline) {
        crew.close();
        crew.failure().ifPresent(failure -> fail("the annotators stopped on a non-retryable error: " + failure.getMessage()));
        ExpertPanel experts = new ExpertPanel(clients, projectId, workload.dataset().gold(), EXPERTS);
        experts.reviewAll(REVIEW_TIMEOUT);
        long corrections = awaitCorrections(pipeline);
        Map<String, FinalLabel> labels = export();
        GetProgressResponse progress = Rpc.retrying("GetProgress",
                () -> clients.router().getProgress(GetProgressRequest.newBuilder().setProjectId(projectId).build()));
        out.printf("[%s] done: %d final labels, %d answers submitted, %d reviews, %d corrections%n", projectId,
                labels.size(), crew.answersSubmitted(), experts.reviewsSubmitted(), corrections);
        return new Outcome(projectId, labels, progress, crew.answersSubmitted(), experts.reviewsSubmitted(), corrections);
    }

    /** Router pulls qc's corrections on a timer: wait until it has applied every one qc made. */
    private long awaitCorrections(Pipeline pipeline) {
        long deadline = System.nanoTime() + CORRECTIONS_TIMEOUT.toNanos();
        while (true) {
            long made = pipeline.qcCorrections(projectId);
            long applied = pipeline.routerCorrections(projectId);
            if (made == applied) {
                return applied;
            }
            if (System.nanoTime() > deadline) {
                fail("[" + projectId + "] router applied " + applied + " of qc's " + made + " corrections within "
                        + CORRECTIONS_TIMEOUT.toSeconds() + " s");
            }
            Rpc.sleep(POLL);
        }
    }

    private Map<String, FinalLabel> export() {
        return Rpc.retrying("ExportLabels", () -> {
            Map<String, FinalLabel> labels = new HashMap<>();
            clients.router(EXPORT_TIMEOUT).exportLabels(ExportLabelsRequest.newBuilder().setProjectId(projectId).build())
                    .forEachRemaining(response -> {
                        FinalLabel previous = labels.put(response.getLabel().getItemId(), response.getLabel());
                        assertNull(previous, "[" + projectId + "] exported item " + response.getLabel().getItemId() + " twice");
                    });
            assertEquals(workload.submitted().size(), labels.size(), "[" + projectId + "] final labels exported");
            return labels;
        });
    }

    @Override
    public void close() {
        crew.close();
    }
}
