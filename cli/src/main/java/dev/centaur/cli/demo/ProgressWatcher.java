package dev.centaur.cli.demo;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.router.v1.GetProgressRequest;
import dev.centaur.router.v1.GetProgressResponse;
import io.grpc.StatusRuntimeException;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Polls router's GetProgress until every submitted item has a final label that was handed to QC,
 * printing a line when something moved. Fails clearly when the run stalls or takes too long.
 */
public final class ProgressWatcher {

    /**
     * What to wait for and how patiently: the items submitted, the overlap a replayed item needs,
     * and a prefix that tells concurrent runs' lines apart (empty for one run).
     */
    public record Settings(long submittedItems, int overlap, boolean replayed, Duration stallTimeout,
            Duration runTimeout, Duration pollInterval, String linePrefix) {

        static Settings of(DemoOptions options, DemoData data) {
            return new Settings(data.submitted().size(), data.overlap(), data.dataset().hasRecordedAnswers(),
                    Duration.ofSeconds(options.stallTimeoutSeconds), Duration.ofSeconds(options.runTimeoutSeconds),
                    Duration.ofSeconds(options.pollIntervalSeconds), "");
        }
    }

    /** A progress line is printed at least this often even when nothing moved. */
    private static final Duration QUIET_LINE_INTERVAL = Duration.ofSeconds(30);

    private final Settings settings;
    private final String projectId;
    private final CentaurClients clients;
    private final PrintStream out;

    public ProgressWatcher(Settings settings, String projectId, CentaurClients clients, PrintStream out) {
        this.settings = settings;
        this.projectId = projectId;
        this.clients = clients;
        this.out = out;
    }

    public GetProgressResponse awaitAllLabeled(AnnotatorCrew crew) {
        long submitted = settings.submittedItems();
        long start = System.nanoTime();
        long lastMove = start;
        long lastLine = 0;
        List<Long> lastState = null;
        GetProgressResponse progress = null;
        String lastProgressError = null;
        while (true) {
            if (crew.failure().isPresent()) {
                throw crew.failure().get();
            }
            try {
                progress = clients.router().getProgress(GetProgressRequest.newBuilder().setProjectId(projectId).build());
                lastProgressError = null;
            } catch (StatusRuntimeException e) {
                lastProgressError = RpcFailure.describe("GetProgress", e);
            }
            long now = System.nanoTime();
            if (progress != null) {
                if (progress.getItems() >= submitted && progress.getLabeled() == progress.getItems()
                        && progress.getOfferedToQc() == progress.getItems()) {
                    out.println(line(progress, crew, now - start));
                    return progress;
                }
                List<Long> state = List.of(progress.getAwaitingModel(), progress.getWithCrowd(), progress.getLabeled(),
                        progress.getOfferedToQc(), progress.getCrowdAnswers(), crew.answersSubmitted(), crew.tasksReceived());
                boolean moved = !state.equals(lastState);
                if (moved) {
                    lastMove = now;
                    lastState = state;
                }
                if (moved || now - lastLine > QUIET_LINE_INTERVAL.toNanos()) {
                    out.println(line(progress, crew, now - start));
                    lastLine = now;
                }
            }
            if (now - lastMove > settings.stallTimeout().toNanos()) {
                throw new CliException(stallMessage(progress, crew, lastProgressError));
            }
            if (now - start > settings.runTimeout().toNanos()) {
                throw new CliException("The labeling did not finish within " + settings.runTimeout().toSeconds()
                        + " s (option --timeout). " + describe(progress, crew, lastProgressError));
            }
            sleep(settings.pollInterval());
        }
    }

    private String line(GetProgressResponse p, AnnotatorCrew crew, long elapsedNanos) {
        return settings.linePrefix() + String.format(Locale.ROOT,
                "[%5.0fs] items %d | awaiting model %d | with crowd %d | labeled %d %s | offered to QC %d | answers %d",
                elapsedNanos / 1e9, p.getItems(), p.getAwaitingModel(), p.getWithCrowd(), p.getLabeled(),
                new TreeMap<>(p.getLabeledBySourceMap()), p.getOfferedToQc(), crew.answersSubmitted());
    }

    private String stallMessage(GetProgressResponse progress, AnnotatorCrew crew, String lastProgressError) {
        StringBuilder message = new StringBuilder(settings.linePrefix() + "No progress for " + settings.stallTimeout().toSeconds()
                + " s (option --stall-timeout). " + describe(progress, crew, lastProgressError));
        if (progress != null && progress.getWithCrowd() > 0 && settings.replayed()) {
            message.append(" The items still with the crowd need ").append(settings.overlap())
                    .append(" answers each, and a replayed worker answers only the items they answered in answers.csv:")
                    .append(" an item whose recorded workers were all used (or never offered it) cannot complete.");
        }
        if (progress != null && progress.getLabeled() == progress.getItems() && progress.getOfferedToQc() < progress.getLabeled()) {
            message.append(" Every item is labeled but router has not handed all final labels to qc-service:")
                    .append(" see the router and qc logs.");
        }
        return message.toString();
    }

    private String describe(GetProgressResponse p, AnnotatorCrew crew, String lastProgressError) {
        StringBuilder text = new StringBuilder();
        if (p == null) {
            text.append("GetProgress never answered.");
        } else {
            text.append(String.format(Locale.ROOT,
                    "Progress: %d items, %d awaiting the model, %d with the crowd, %d labeled, %d offered to QC.",
                    p.getItems(), p.getAwaitingModel(), p.getWithCrowd(), p.getLabeled(), p.getOfferedToQc()));
        }
        text.append(String.format(Locale.ROOT, " Crowd: %d tasks received, %d answers submitted, %d refused, %d annotators done.",
                crew.tasksReceived(), crew.answersSubmitted(), crew.answersRefused(), crew.retiredAnnotators()));
        crew.lastTransientError().ifPresent(error -> text.append(" Last annotator RPC error: ").append(error).append('.'));
        if (lastProgressError != null) {
            text.append(" Last ").append(lastProgressError).append('.');
        }
        return text.toString();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted", e);
        }
    }
}
