package dev.centaur.cli.command;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.cli.dataset.Dataset;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.cli.dataset.DatasetLoader;
import dev.centaur.cli.demo.AnnotatorCrew;
import dev.centaur.cli.demo.ExpertPanel;
import dev.centaur.cli.demo.ReplayAnnotator;
import dev.centaur.router.v1.GetProgressRequest;
import dev.centaur.router.v1.GetProgressResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code centaur replay}: simulates the crowd of a project by replaying a data set's recorded
 * answers (answers.csv; each worker answers exactly their items, as in the demo), then lets
 * simulated experts answer QC's reviews from gold.csv.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Simulate the crowd by replaying a data set's answers.csv until every item is labeled, then the experts from gold.csv.")
public class ReplayCommand implements Callable<Integer> {

    @Option(names = "--project", required = true, description = "Project id.")
    String projectId;

    @Option(names = "--dataset", required = true, description = "Data set folder (labels.txt, items.jsonl, gold.csv, answers.csv).")
    Path dataset;

    @Option(names = "--annotator-threads", defaultValue = "4", description = "Threads the replayed workers share. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--experts", defaultValue = "2", description = "Simulated experts reviewing QC samples. Default: ${DEFAULT-VALUE}.")
    int experts;

    @Option(names = "--stall-timeout", defaultValue = "180", description = "Give up after this many seconds without progress. Default: ${DEFAULT-VALUE}.")
    int stallTimeoutSeconds;

    @Option(names = "--review-timeout", defaultValue = "900", description = "Longest the expert reviews may take, seconds. Default: ${DEFAULT-VALUE}.")
    int reviewTimeoutSeconds;

    @Mixin
    RouterOptions router;

    @Override
    public Integer call() {
        return Commands.run("replay", () -> {
            Dataset data = new DatasetLoader().load(dataset);
            if (!data.hasRecordedAnswers()) {
                throw new CliException(dataset + " has no answers.csv to replay");
            }
            List<String> itemIds = data.items().stream().map(DatasetItem::id).toList();
            try (CentaurClients clients = router.clients()) {
                try (AnnotatorCrew crew = new AnnotatorCrew(clients, projectId, threads, System.out)) {
                    crew.start(ReplayAnnotator.forWorkers(data.answersByWorker(), itemIds, data.gold().keySet()));
                    awaitLabeled(clients, crew);
                }
                ExpertPanel panel = new ExpertPanel(clients, projectId, data.gold(), experts);
                panel.reviewAll(Duration.ofSeconds(reviewTimeoutSeconds));
                System.out.println("QC: " + panel.reviewsSubmitted() + " expert reviews submitted");
            }
        });
    }

    /** Polls until every item is labeled and offered to QC; fails when nothing moves for the stall timeout. */
    private void awaitLabeled(CentaurClients clients, AnnotatorCrew crew) {
        String last = null;
        long lastMove = System.nanoTime();
        while (true) {
            crew.failure().ifPresent(failure -> {
                throw failure;
            });
            GetProgressResponse p = RpcFailure.call("GetProgress", () -> clients.router()
                    .getProgress(GetProgressRequest.newBuilder().setProjectId(projectId).build()));
            String line = StatusCommand.line(p) + " | answers " + crew.answersSubmitted();
            if (!line.equals(last)) {
                System.out.println(line);
                last = line;
                lastMove = System.nanoTime();
            }
            if (p.getItems() > 0 && p.getLabeled() == p.getItems() && p.getOfferedToQc() == p.getItems()) {
                return;
            }
            if (System.nanoTime() - lastMove > Duration.ofSeconds(stallTimeoutSeconds).toNanos()) {
                throw new CliException("no progress for " + stallTimeoutSeconds + " s: " + line);
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("interrupted");
            }
        }
    }
}
