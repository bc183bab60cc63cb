package dev.centaur.cli.command;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.router.v1.GetCostRequest;
import dev.centaur.router.v1.GetCostResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code centaur cost}: a project's spend so far at its current prices, against crowd-only labeling. */
@Command(name = "cost", mixinStandardHelpOptions = true, description = "Print a project's spend and the saving against crowd-only labeling.")
public class CostCommand implements Callable<Integer> {

    @Option(names = "--project", required = true, description = "Project id.")
    String projectId;

    @Mixin
    RouterOptions router;

    @Override
    public Integer call() {
        return Commands.run("cost", () -> {
            try (CentaurClients clients = router.clients()) {
                GetCostResponse cost = RpcFailure.call("GetCost", () -> clients.router()
                        .getCost(GetCostRequest.newBuilder().setProjectId(projectId).build()));
                System.out.print(table(projectId, cost));
            }
        });
    }

    static String table(String projectId, GetCostResponse c) {
        StringBuilder text = new StringBuilder("Cost of project " + projectId + " (at its current prices)\n");
        row(text, "model", c.getModelSpend(), c.getModelPredictions() + " predictions");
        row(text, "crowd", c.getCrowdSpend(), c.getCrowdAnswers() + " answers used"
                + (c.getCrowdProbeAnswers() > 0 ? " + " + c.getCrowdProbeAnswers() + " on golden probes" : ""));
        row(text, "expert QC", c.getExpertSpend(), c.getExpertReviews() + " reviews done on " + c.getReviewedLabels() + " labels");
        row(text, "expert QC (expected)", c.getExpectedExpertSpend(),
                String.format(Locale.ROOT, "%.1f reviews at the QC rate; not in the total", c.getExpectedExpertReviews()));
        row(text, "total", c.getTotalSpend(), c.getFinalLabels() + " final labels");
        row(text, "per final label", c.getCostPerFinalLabel(), "");
        row(text, "crowd only", c.getCrowdOnlySpend(), "same labels, crowd at the overlap");
        row(text, "saving", c.getSaving(), c.getCrowdOnlySpend() > 0
                ? String.format(Locale.ROOT, "%.1f%%", 100 * c.getSaving() / c.getCrowdOnlySpend()) : "");
        return text.toString();
    }

    private static void row(StringBuilder text, String name, double amount, String detail) {
        text.append(String.format(Locale.ROOT, "  %-22s %12.4f  %s", name, amount, detail).stripTrailing()).append('\n');
    }
}
