package dev.centaur.systemtests;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.ItemPages;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.cli.launch.CentaurService;
import dev.centaur.crowd.v1.NextTaskRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorRequest;
import dev.centaur.inference.v1.PredictItem;
import dev.centaur.inference.v1.PredictRequest;
import dev.centaur.inference.v1.TrainRequest;
import dev.centaur.router.v1.GetProgressRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.centaur.cli.launch.CentaurService.CROWD;
import static dev.centaur.cli.launch.CentaurService.INFERENCE;
import static dev.centaur.cli.launch.CentaurService.QC;
import static dev.centaur.cli.launch.CentaurService.ROUTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Labels one deterministic workload twice through the packaged services: a baseline, then a chaos
 * run during which every service is killed (SIGKILL) and restarted, inference is frozen, stopped
 * for a while and restarted, PostgreSQL restarts, and services are stopped with SIGTERM under
 * load. Then: every item has exactly one final label, equal to the baseline's before QC; every
 * crowd answer is counted once; every hand-off's outbox is empty; and each SIGTERM took the
 * service's readiness DOWN before it exited without failing a call with anything but UNAVAILABLE.
 */
class FaultToleranceTest {

    private static final int BASE_PORT = 38080;
    private static final String DATABASE = "centaur_faults";
    private static final int ITEMS = 300;
    private static final int TRAINING_ITEMS = 60;
    private static final long SEED = 11;
    private static final int CHUNKS = 4;
    /** How long inference stays down while items arrive. */
    private static final Duration INFERENCE_OUTAGE = Duration.ofSeconds(5);
    /** A freeze shorter than router's Predict deadline: calls answer late rather than fail. */
    private static final Duration INFERENCE_FREEZE = Duration.ofSeconds(3);
    /**
     * Longer than a stop takes after the shutdown delay: a call that reaches a closing server is
     * answered UNAVAILABLE when its connection closes at the exit, before this runs out. At 2 s, one
     * CI run at load 14 on 2 cores saw a Predict sent 2.5 s after SIGTERM wait out its deadline.
     */
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(8);
    private static final int PREDICT_PROBE_ITEMS = 32;
    private static final Duration TRAIN_TIMEOUT = Duration.ofMinutes(3);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMddHHmmss");

    private final PrintStream out = System.out;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void crashesRestartsAndShutdownsLoseNoLabelAndCountNoAnswerTwice() throws IOException {
        Path repository = repository();
        Workload workload = Workload.load(datasets(repository).resolve("product-matching"), ITEMS, TRAINING_ITEMS, SEED);
        int dbPort = Integer.getInteger("centaur.faults.db-port", 5432);
        PostgresCluster cluster = PostgresCluster.onPort(dbPort);
        String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        Path runDir = Path.of("target", "faults-run-" + stamp).toAbsolutePath();
        try (SystemUnderTest sut = SystemUnderTest.start(servicesDir(repository), BASE_PORT, dbPort, DATABASE, runDir, out)) {
            Pipeline pipeline = new Pipeline(sut.database);
            String model = "faults-" + stamp;
            train(sut.clients, workload, model);
            double threshold = thresholdSplittingTheItems(sut.clients, workload, model);

            ProjectRun.Outcome baseline;
            try (ProjectRun run = new ProjectRun(sut, workload, "faults-baseline-" + stamp, out)) {
                run.start(model, threshold);
                run.submit(workload.submitted());
                run.awaitAllLabeled();
                baseline = run.finish(pipeline);
            }

            Faults faults = new Faults(sut.services, cluster, out);
            List<ShutdownObservation> stops = new ArrayList<>();
            Map<String, String> shutdownLogs = new TreeMap<>();
            ProjectRun.Outcome chaos;
            try (ProjectRun run = new ProjectRun(sut, workload, "faults-chaos-" + stamp, out)) {
                run.start(model, threshold);
                String probeToken = Rpc.retrying("RegisterAnnotator", () -> sut.clients.crowd().registerAnnotator(
                        RegisterAnnotatorRequest.newBuilder().setName("faults-probe-" + stamp).build())).getToken();
                List<List<DatasetItem>> chunks = workload.chunks(CHUNKS);

                run.submit(chunks.get(0));
                faults.crashAndRestart(ROUTER);
                long tasksBefore = run.crew().tasksReceived();
                run.submit(chunks.get(1));
                awaitAnnotatorsAtWork(run, tasksBefore);
                faults.crash(CROWD);
                faults.crash(QC);
                CompletableFuture<Void> crowdBack = faults.restartInBackground(CROWD);
                faults.restart(QC);
                crowdBack.join();
                run.submit(chunks.get(2));
                faults.freeze(INFERENCE, INFERENCE_FREEZE);
                faults.crashAndRestart(INFERENCE);

                stops.add(observedStop(faults, sut, INFERENCE, () -> predictProbe(sut.clients, model, workload), shutdownLogs));
                run.submit(chunks.get(3));
                Rpc.sleep(INFERENCE_OUTAGE);
                faults.restart(INFERENCE);
                // The last faults hit the crowd at work on the items that waited for inference.
                tasksBefore = run.crew().tasksReceived();
                awaitAnnotatorsAtWork(run, tasksBefore);
                faults.restartDatabase();
                stops.add(observedStop(faults, sut, CROWD, () -> nextTaskProbe(sut.clients, probeToken, run.projectId()),
                        shutdownLogs));
                crowdBack = faults.restartInBackground(CROWD);
                stops.add(observedStop(faults, sut, ROUTER, () -> progressProbe(sut.clients, run.projectId()), shutdownLogs));
                faults.restart(ROUTER);
                crowdBack.join();

                run.awaitAllLabeled();
                chaos = run.finish(pipeline);
            }
            faults.log().forEach(out::println);

            checkGracefulStops(stops, shutdownLogs);
            checkNothingLostOrCountedTwice(workload, pipeline, baseline, chaos);
        }
    }

    /** One SIGTERM under load, with the part of the service's log it wrote while stopping. */
    private static ShutdownObservation observedStop(Faults faults, SystemUnderTest sut, CentaurService service,
            ShutdownObservation.Probe probe, Map<String, String> shutdownLogs) throws IOException {
        Path log = sut.services.process(service).log();
        long logOffset = Files.size(log);
        ShutdownObservation observation = faults.stopGracefully(service, probe);
        byte[] written = Files.readAllBytes(log);
        shutdownLogs.put(service.module(), new String(Arrays.copyOfRange(written, (int) logOffset, written.length),
                StandardCharsets.UTF_8));
        return observation;
    }

    private void checkGracefulStops(List<ShutdownObservation> stops, Map<String, String> shutdownLogs) {
        for (ShutdownObservation stop : stops) {
            String what = stop.describe();
            assertTrue(stop.exitMillisAfterSigterm != null, "exits within the grace period: " + what);
            assertTrue(stop.firstReadinessDown().isPresent(), "readiness goes DOWN before the process exits: " + what);
            assertTrue(stop.exitMillisAfterSigterm >= SystemUnderTest.SHUTDOWN_DELAY.toMillis(),
                    "keeps serving for the shutdown delay: " + what);
            assertEquals(List.of(), stop.unexpectedFailures(), "calls during shutdown fail only with UNAVAILABLE: " + what);
            String log = shutdownLogs.get(stop.service);
            assertTrue(log.lines().noneMatch(line -> line.contains(" ERROR ")),
                    stop.service + " logged errors while stopping:\n" + log);
        }
        ShutdownObservation inference = stops.get(0);
        assertTrue(inference.servedWhileDown() > 0, "inference still predicts while readiness is DOWN: " + inference.describe());
        ShutdownObservation crowd = stops.get(1);
        assertTrue(crowd.anyProbe(Status.Code.UNAVAILABLE, "hands out no new tasks"),
                "crowd's NextTask answers UNAVAILABLE while it shuts down: " + crowd.describe());
        ShutdownObservation router = stops.get(2);
        assertTrue(router.servedWhileDown() > 0, "router still answers while readiness is DOWN: " + router.describe());
    }

    private void checkNothingLostOrCountedTwice(Workload workload, Pipeline pipeline, ProjectRun.Outcome baseline,
            ProjectRun.Outcome chaos) {
        LabelComparison comparison = new LabelComparison(workload);
        Map<String, LabelComparison.ItemLabel> base = LabelComparison.labelsOf(baseline,
                pipeline.replacedLabels(baseline.projectId()));
        Map<String, LabelComparison.ItemLabel> faulted = LabelComparison.labelsOf(chaos,
                pipeline.replacedLabels(chaos.projectId()));
        out.print(comparison.accuracyTable("Baseline " + baseline.projectId() + ":", base));
        out.print(comparison.accuracyTable("Chaos " + chaos.projectId() + ":", faulted));

        List<String> submitted = workload.submittedIds().stream().sorted().toList();
        long crowdItems = comparison.crowdItems(base);
        for (ProjectRun.Outcome outcome : List.of(baseline, chaos)) {
            String project = outcome.projectId();
            Map<String, LabelComparison.ItemLabel> labels = outcome == baseline ? base : faulted;
            assertEquals(submitted, List.copyOf(labels.keySet()), project + ": exactly one final label per submitted item");
            assertEquals(List.of(), comparison.correctionsOffGold(labels), project + ": expert corrections are the gold label");
            labels.forEach((itemId, label) -> assertEquals(label.sourceBeforeQc().equals("MODEL") ? 0 : workload.overlap(),
                    label.answersUsed(), project + ": answers behind " + itemId));
            long expectedAnswers = comparison.crowdItems(labels) * workload.overlap();
            assertEquals(expectedAnswers, outcome.progress().getCrowdAnswers(), project + ": GetProgress crowd_answers");
            assertEquals(expectedAnswers, pipeline.crowdAnswers(project), project + ": answers stored by crowd");
            assertEquals(workload.overlap(), pipeline.mostAnswersOnOneItem(project), project + ": no item over its overlap");
            assertTrue(outcome.answersSubmitted() <= expectedAnswers, project + ": the annotators saw " + outcome.answersSubmitted()
                    + " answers accepted, more than crowd stored");
            assertEquals(comparison.crowdItems(labels), pipeline.crowdItems(project), project + ": items handed to crowd once");
            assertEquals(comparison.crowdItems(labels), pipeline.crowdResults(project), project + ": one aggregate per crowd item");
            assertEquals(0, pipeline.itemsNotLabeled(project), project + ": router items left unlabeled");
            assertEquals(0, pipeline.labelsNotOfferedToQc(project), project + ": router -> qc outbox left pending");
            assertEquals(0, pipeline.crowdResultsNotReported(project), project + ": crowd -> router outbox left pending");
            assertEquals(0, pipeline.expertVerdictsNotSentToCrowd(project), project + ": router -> crowd verdict outbox left pending");
            assertEquals(submitted.size(), pipeline.offeredToQc(project), project + ": final labels qc received, once each");
            assertEquals(outcome.corrections(), labels.values().stream().filter(LabelComparison.ItemLabel::corrected).count(),
                    project + ": corrections applied");
        }
        assertEquals(crowdItems, comparison.crowdItems(faulted), "items routed to the crowd in both runs");
        assertEquals(List.of(), LabelComparison.differences(base, faulted),
                "labels before QC (the accuracy table apart from expert corrections) equal the baseline's");
    }

    /** Waits until the annotators have taken a few new tasks, so the next fault hits them at work. */
    private static void awaitAnnotatorsAtWork(ProjectRun run, long tasksBefore) {
        long deadline = System.nanoTime() + Rpc.RETRY_WINDOW.toNanos();
        while (run.crew().tasksReceived() < tasksBefore + 3) {
            if (System.nanoTime() > deadline) {
                fail("the annotators got no new task within " + Rpc.RETRY_WINDOW.toSeconds() + " s: the pipeline is stuck");
            }
            Rpc.sleep(Duration.ofMillis(50));
        }
    }

    /** Several items per call, so calls share batches; an answer missing items would be a silent drop. */
    private static ShutdownObservation.ProbeResult predictProbe(CentaurClients clients, String model, Workload workload) {
        PredictRequest.Builder request = PredictRequest.newBuilder().setModelName(model);
        workload.submitted().subList(0, PREDICT_PROBE_ITEMS).forEach(item -> request.addItems(
                PredictItem.newBuilder().setItemId(item.id()).setContent(ItemPages.content(item))));
        try {
            int answered = clients.inference(PROBE_DEADLINE).predict(request.build()).getPredictionsCount();
            return answered == PREDICT_PROBE_ITEMS ? ShutdownObservation.ProbeResult.ok()
                    : new ShutdownObservation.ProbeResult(Status.Code.DATA_LOSS, answered + " of " + PREDICT_PROBE_ITEMS + " items answered");
        } catch (StatusRuntimeException e) {
            return ShutdownObservation.ProbeResult.of(e);
        }
    }

    /** NextTask restricted to an item that does not exist: never takes a task from the annotators. */
    private static ShutdownObservation.ProbeResult nextTaskProbe(CentaurClients clients, String token, String projectId) {
        try {
            clients.crowdAs(token).withDeadlineAfter(PROBE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .nextTask(NextTaskRequest.newBuilder().setProjectId(projectId).addOnlyItemIds("no-such-item").build());
            return ShutdownObservation.ProbeResult.ok();
        } catch (StatusRuntimeException e) {
            return ShutdownObservation.ProbeResult.of(e);
        }
    }

    private static ShutdownObservation.ProbeResult progressProbe(CentaurClients clients, String projectId) {
        try {
            clients.router(PROBE_DEADLINE).getProgress(GetProgressRequest.newBuilder().setProjectId(projectId).build());
            return ShutdownObservation.ProbeResult.ok();
        } catch (StatusRuntimeException e) {
            return ShutdownObservation.ProbeResult.of(e);
        }
    }

    private void train(CentaurClients clients, Workload workload, String model) {
        TrainRequest request = TrainRequest.newBuilder().setModelName(model).addAllLabels(workload.dataset().labels())
                .addAllExamples(workload.trainingExamples()).setSeed(SEED).setActivate(true).build();
        var version = Rpc.retrying("Train", () -> clients.inference(TRAIN_TIMEOUT).train(request)).getModel();
        out.printf(Locale.ROOT, "Model %s version %s: held-out accuracy %.3f%n", model, version.getVersionId(),
                version.getHeldoutAccuracy());
    }

    /**
     * A threshold half the submitted items reach, midway between two predicted confidences, so both
     * routes get work and no item sits on the threshold.
     */
    private double thresholdSplittingTheItems(CentaurClients clients, Workload workload, String model) {
        PredictRequest.Builder request = PredictRequest.newBuilder().setModelName(model);
        workload.submitted().forEach(item -> request.addItems(
                PredictItem.newBuilder().setItemId(item.id()).setContent(ItemPages.content(item))));
        List<Double> confidences = Rpc.retrying("Predict", () -> clients.inference(TRAIN_TIMEOUT).predict(request.build()))
                .getPredictionsList().stream()
                .map(p -> p.getProbabilitiesList().stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .sorted().toList();
        int split = confidences.size() / 2;
        while (split < confidences.size() - 1 && confidences.get(split) - confidences.get(split - 1) < 1e-4) {
            split++;
        }
        double threshold = (confidences.get(split - 1) + confidences.get(split)) / 2;
        out.printf(Locale.ROOT, "Threshold %.6f: %d of %d items reach it%n", threshold, confidences.size() - split,
                confidences.size());
        return threshold;
    }

    /** The repository root (-Dcentaur.repository.root, set by this module's pom). */
    static Path repository() {
        String configured = System.getProperty("centaur.repository.root");
        return (configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
    }

    /** ../shared/datasets beside the repository, or -Dcentaur.datasets.dir. */
    private static Path datasets(Path repository) {
        String override = System.getProperty("centaur.datasets.dir");
        return override != null ? Path.of(override) : repository.resolveSibling("shared").resolve("datasets");
    }

    /** The repository root, or -Dcentaur.services.dir to use a copy of the packaged services. */
    static Path servicesDir(Path repository) {
        String override = System.getProperty("centaur.services.dir");
        return override != null ? Path.of(override) : repository;
    }
}
