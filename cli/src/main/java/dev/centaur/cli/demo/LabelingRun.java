package dev.centaur.cli.demo;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.common.v1.ItemContent;
import dev.centaur.inference.v1.LabeledExample;
import dev.centaur.inference.v1.ModelVersion;
import dev.centaur.inference.v1.TrainRequest;
import dev.centaur.qc.v1.GetAccuracyRequest;
import dev.centaur.qc.v1.GetAccuracyResponse;
import dev.centaur.qc.v1.SourceAccuracy;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.ExportLabelsRequest;
import dev.centaur.router.v1.FinalLabel;
import dev.centaur.router.v1.GetProgressResponse;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.SubmitItemsRequest;
import dev.centaur.router.v1.SubmitItemsResponse;
import dev.centaur.router.v1.SubmittedItem;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The labeling itself, against running services: train the model on the golden set, create the
 * project, submit the items, let the simulated crowd answer until every item has a final label
 * handed to QC, let the experts review QC's sample, then export the labels and build the report.
 */
final class LabelingRun {

    static final int SUBMIT_PAGE_SIZE = 1000;
    /**
     * Quarkus's gRPC server on the HTTP port accepts messages up to 256 KiB unless configured
     * otherwise; staying under that keeps SubmitItems working whatever the router's setting.
     */
    static final long SUBMIT_PAGE_MAX_BYTES = 200 * 1024;
    private static final int SUBMIT_ATTEMPTS = 3;
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration REVIEW_TIMEOUT = Duration.ofMinutes(15);

    private final DemoOptions options;
    private final DemoData data;
    private final String projectId;
    private final CentaurClients clients;
    private final PrintStream out;

    LabelingRun(DemoOptions options, DemoData data, String projectId, CentaurClients clients, PrintStream out) {
        this.options = options;
        this.data = data;
        this.projectId = projectId;
        this.clients = clients;
        this.out = out;
    }

    /** Runs the labeling; returns the exported labels and the report. */
    Outcome run() {
        train();
        createProject();
        submitItems();
        long answersPaid;
        GetProgressResponse progress;
        try (AnnotatorCrew crew = new AnnotatorCrew(clients, projectId, options.annotatorThreads, out)) {
            crew.start(data.annotators());
            out.println("Annotators: " + data.annotators().size() + " simulated, " + options.annotatorThreads + " threads");
            progress = new ProgressWatcher(options, data, projectId, clients, out).awaitAllLabeled(crew);
            crew.close();
            answersPaid = crew.answersSubmitted();
            if (crew.answersRefused() + crew.unanswerableTasks() > 0) {
                out.println("Crowd: " + crew.answersRefused() + " answers refused by crowd-service, "
                        + crew.unanswerableTasks() + " tasks the annotator had no answer for");
            }
        }
        ExpertPanel experts = new ExpertPanel(clients, projectId, data.dataset().gold(), options.experts);
        experts.reviewAll(REVIEW_TIMEOUT);
        out.println("QC: " + experts.reviewsSubmitted() + " expert reviews submitted"
                + (experts.reviewsWithoutGold() > 0 ? ", " + experts.reviewsWithoutGold() + " items without gold left unreviewed" : ""));
        GetAccuracyResponse accuracy = RpcFailure.call("GetAccuracy", () ->
                clients.qc().getAccuracy(GetAccuracyRequest.newBuilder().setProjectId(projectId).build()));
        List<FinalLabel> labels = export();
        RunReport report = RunReport.compute(new RunReport.Input(
                "Centaur demo: project " + projectId + " (" + data.description() + ")",
                data.submitted().size(),
                labels.stream().map(l -> new LabeledItem(l.getItemId(), l.getLabel(), sourceName(l.getSource()), l.getAnswersUsed())).toList(),
                data.dataset().gold(),
                answersPaid,
                experts.reviewsSubmitted(),
                progress.getModelPredictions(),
                data.overlap(),
                options.prices(),
                accuracy.getSourcesList().stream().map(LabelingRun::qcAccuracy).toList(),
                accuracy.hasOverall() && accuracy.getOverall().getReviews() > 0 ? qcAccuracy(accuracy.getOverall()) : null));
        return new Outcome(labels, report);
    }

    record Outcome(List<FinalLabel> labels, RunReport report) {
    }

    private void train() {
        TrainRequest.Builder request = TrainRequest.newBuilder().setModelName(projectId)
                .addAllLabels(data.dataset().labels()).setSeed(options.seed).setActivate(true);
        for (DatasetItem item : data.golden()) {
            request.addExamples(LabeledExample.newBuilder().setContent(content(item))
                    .setLabel(data.dataset().gold().get(item.id())));
        }
        out.println("Training model " + projectId + " on " + data.golden().size() + " golden items ...");
        long start = System.nanoTime();
        ModelVersion model = RpcFailure.call("Train", () ->
                clients.inference(Duration.ofSeconds(options.trainTimeoutSeconds)).train(request.build())).getModel();
        out.printf(Locale.ROOT, "  model version %s: held-out accuracy %.3f on %d items (%d trained), %.0f s%n",
                model.getVersionId(), model.getHeldoutAccuracy(), model.getHeldoutExamples(), model.getTrainExamples(),
                (System.nanoTime() - start) / 1e9);
    }

    private void createProject() {
        Policy policy = Policy.newBuilder().setThreshold(options.threshold).setOverlap(data.overlap())
                .setQcRate(options.qcRate).setPricePerCrowdAnswer(options.pricePerAnswer)
                .setPricePerExpertReview(options.pricePerReview).setPricePer1KPredictions(options.pricePer1kPredictions)
                .build();
        Project project = Project.newBuilder().setProjectId(projectId).setName("Centaur demo: " + data.description())
                .addAllLabels(data.dataset().labels()).setInstructions(data.dataset().instructions())
                .setPolicy(policy).setModelName(projectId).build();
        try {
            clients.projects().createProject(CreateProjectRequest.newBuilder().setProject(project).build());
        } catch (StatusRuntimeException e) {
            String hint = e.getStatus().getCode() == Status.Code.ALREADY_EXISTS ? " (choose another --project, or leave it out)" : "";
            throw new CliException(RpcFailure.describe("CreateProject", e) + hint, e);
        }
        out.printf(Locale.ROOT, "Project %s: labels %s, threshold %.2f, overlap %d, qc rate %.2f%n", projectId,
                data.dataset().labels(), options.threshold, data.overlap(), options.qcRate);
    }

    private void submitItems() {
        long created = 0;
        long duplicates = 0;
        List<SubmitItemsRequest> pages = pages(projectId, data.submitted());
        for (SubmitItemsRequest page : pages) {
            SubmitItemsResponse response = submitPage(page);
            created += response.getCreated();
            duplicates += response.getDuplicates();
        }
        out.println("Submitted " + data.submitted().size() + " items in " + pages.size() + " calls (" + created
                + " created, " + duplicates + " already there)");
    }

    /**
     * Pages of at most {@link #SUBMIT_PAGE_SIZE} items and about {@link #SUBMIT_PAGE_MAX_BYTES}, so
     * a page of long texts still fits a server's inbound message limit.
     */
    static List<SubmitItemsRequest> pages(String projectId, List<DatasetItem> items) {
        List<SubmitItemsRequest> pages = new ArrayList<>();
        SubmitItemsRequest.Builder page = SubmitItemsRequest.newBuilder().setProjectId(projectId);
        long pageBytes = 0;
        for (DatasetItem item : items) {
            SubmittedItem submitted = SubmittedItem.newBuilder().setItemId(item.id()).setContent(content(item)).build();
            // Each repeated element costs its size plus a tag and a length prefix (at most 1 + 5 bytes).
            long itemBytes = submitted.getSerializedSize() + 6L;
            if (page.getItemsCount() > 0
                    && (page.getItemsCount() == SUBMIT_PAGE_SIZE || pageBytes + itemBytes > SUBMIT_PAGE_MAX_BYTES)) {
                pages.add(page.build());
                page = SubmitItemsRequest.newBuilder().setProjectId(projectId);
                pageBytes = 0;
            }
            page.addItems(submitted);
            pageBytes += itemBytes;
        }
        if (page.getItemsCount() > 0) {
            pages.add(page.build());
        }
        return pages;
    }

    /** SubmitItems is idempotent on the item ids, so a page can be sent again after UNAVAILABLE. */
    private SubmitItemsResponse submitPage(SubmitItemsRequest page) {
        for (int attempt = 1; ; attempt++) {
            try {
                return clients.router().submitItems(page);
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                boolean retryable = code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                        || code == Status.Code.RESOURCE_EXHAUSTED;
                if (!retryable || attempt == SUBMIT_ATTEMPTS) {
                    throw new CliException(RpcFailure.describe("SubmitItems (" + page.getItemsCount() + " items)", e), e);
                }
                out.println("  SubmitItems: " + code + ", retrying");
                ProgressWatcher.sleep(Duration.ofSeconds(2L * attempt));
            }
        }
    }

    private List<FinalLabel> export() {
        List<FinalLabel> labels = new ArrayList<>();
        try {
            clients.router(EXPORT_TIMEOUT).exportLabels(ExportLabelsRequest.newBuilder().setProjectId(projectId).build())
                    .forEachRemaining(response -> labels.add(response.getLabel()));
        } catch (StatusRuntimeException e) {
            throw new CliException(RpcFailure.describe("ExportLabels", e), e);
        }
        out.println("Exported " + labels.size() + " final labels");
        return labels;
    }

    static ItemContent content(DatasetItem item) {
        return item.isPair()
                ? ItemContent.newBuilder().setTextA(item.textA()).setTextB(item.textB()).build()
                : ItemContent.newBuilder().setText(item.text()).build();
    }

    /** MODEL, CROWD, HYBRID, EXPERT: the names GetProgress uses too. */
    static String sourceName(dev.centaur.common.v1.LabelSource source) {
        return source.name().replaceFirst("^LABEL_SOURCE_", "");
    }

    private static QcAccuracy qcAccuracy(SourceAccuracy source) {
        return new QcAccuracy(sourceName(source.getSource()), source.getReviews(), source.getCorrect(),
                source.getAccuracy(), source.getLower(), source.getUpper());
    }
}
