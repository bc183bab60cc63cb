package dev.centaur.cli.demo;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.cli.items.ItemUpload;
import dev.centaur.qc.v1.GetAccuracyRequest;
import dev.centaur.qc.v1.GetAccuracyResponse;
import dev.centaur.qc.v1.SourceAccuracy;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.ExportLabelsRequest;
import dev.centaur.router.v1.FinalLabel;
import dev.centaur.router.v1.GetProgressResponse;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.Project;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The labeling itself, against running services: create the project, add the golden items (router
 * holds out a share to measure the model for the curve), train the model on the golden training
 * share, submit the items, let the simulated crowd answer until every item has a final label
 * handed to QC, let the experts review QC's sample, then export the labels and build the report.
 */
final class LabelingRun {

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
        Project project = createProject();
        ItemUpload upload = new ItemUpload(clients, out);
        upload.addGolden(projectId, data.golden(), data.dataset().gold());
        upload.train(project, options.seed, Duration.ofSeconds(options.trainTimeoutSeconds));
        upload.submit(projectId, data.submitted());
        long answersPaid;
        GetProgressResponse progress;
        try (AnnotatorCrew crew = new AnnotatorCrew(clients, projectId, options.annotatorThreads, out)) {
            crew.start(data.annotators());
            out.println("Annotators: " + data.annotators().size() + " simulated, " + options.annotatorThreads + " threads");
            progress = new ProgressWatcher(ProgressWatcher.Settings.of(options, data), projectId, clients, out).awaitAllLabeled(crew);
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

    private Project createProject() {
        Policy policy = Policy.newBuilder().setThreshold(options.threshold).setOverlap(data.overlap())
                .setQcRate(options.qcRate).setPricePerCrowdAnswer(options.pricePerAnswer)
                .setPricePerExpertReview(options.pricePerReview).setPricePer1KPredictions(options.pricePer1kPredictions)
                .build();
        Project project = Project.newBuilder().setProjectId(projectId).setName("Centaur demo: " + data.description())
                .addAllLabels(data.dataset().labels()).setInstructions(data.dataset().instructions())
                .setPolicy(policy).setModelName(projectId).build();
        Project created;
        try {
            created = clients.projects().createProject(CreateProjectRequest.newBuilder().setProject(project).build()).getProject();
        } catch (StatusRuntimeException e) {
            String hint = e.getStatus().getCode() == Status.Code.ALREADY_EXISTS ? " (choose another --project, or leave it out)" : "";
            throw new CliException(RpcFailure.describe("CreateProject", e) + hint, e);
        }
        out.printf(Locale.ROOT, "Project %s: labels %s, threshold %.2f, overlap %d, qc rate %.2f%n", projectId,
                data.dataset().labels(), options.threshold, data.overlap(), options.qcRate);
        return created;
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

    /** MODEL, CROWD, HYBRID, EXPERT: the names GetProgress uses too. */
    static String sourceName(dev.centaur.common.v1.LabelSource source) {
        return source.name().replaceFirst("^LABEL_SOURCE_", "");
    }

    private static QcAccuracy qcAccuracy(SourceAccuracy source) {
        return new QcAccuracy(sourceName(source.getSource()), source.getReviews(), source.getCorrect(),
                source.getAccuracy(), source.getLower(), source.getUpper());
    }
}
