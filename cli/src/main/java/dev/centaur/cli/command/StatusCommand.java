package dev.centaur.cli.command;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.router.v1.GetProgressRequest;
import dev.centaur.router.v1.GetProgressResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code centaur status}: a progress bar of a project's labeling, once or until it is done. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a project's progress as a bar.")
public class StatusCommand implements Callable<Integer> {

    static final int BAR_WIDTH = 40;

    @Option(names = "--project", required = true, description = "Project id.")
    String projectId;

    @Option(names = "--watch", description = "Refresh until every item is labeled.")
    boolean watch;

    @Option(names = "--interval", defaultValue = "2", description = "Seconds between refreshes with --watch. Default: ${DEFAULT-VALUE}.")
    int intervalSeconds;

    @Mixin
    RouterOptions router;

    @Override
    public Integer call() {
        return Commands.run("status", () -> {
            try (CentaurClients clients = router.clients()) {
                while (true) {
                    GetProgressResponse p = RpcFailure.call("GetProgress", () -> clients.router()
                            .getProgress(GetProgressRequest.newBuilder().setProjectId(projectId).build()));
                    System.out.println(line(p));
                    if (!watch || (p.getItems() > 0 && p.getLabeled() == p.getItems())) {
                        return;
                    }
                    try {
                        Thread.sleep(intervalSeconds * 1000L);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CliException("interrupted");
                    }
                }
            }
        });
    }

    /** {@code [#####-----] 420/1000 labeled 42.0% | CROWD 120, MODEL 300 | waiting: model 10, crowd 570 | ...}. */
    static String line(GetProgressResponse p) {
        double share = p.getItems() == 0 ? 0 : (double) p.getLabeled() / p.getItems();
        int filled = (int) Math.floor(share * BAR_WIDTH);
        StringBuilder bySource = new StringBuilder();
        for (Map.Entry<String, Long> entry : new TreeMap<>(p.getLabeledBySourceMap()).entrySet()) {
            bySource.append(bySource.length() == 0 ? "" : ", ").append(entry.getKey()).append(' ').append(entry.getValue());
        }
        return String.format(Locale.ROOT, "[%s%s] %d/%d labeled %5.1f%% | %s | waiting: model %d, crowd %d | offered to QC %d",
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), p.getLabeled(), p.getItems(), 100 * share,
                bySource.length() == 0 ? "no labels yet" : bySource, p.getAwaitingModel(), p.getWithCrowd(), p.getOfferedToQc());
    }
}
