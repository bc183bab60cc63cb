package dev.centaur.cli.command;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.router.v1.GetProgressRequest;
import dev.centaur.router.v1.GetProgressResponse;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code centaur progress}: one project's counts from router-service. */
@Command(name = "progress", mixinStandardHelpOptions = true, description = "Print a project's labeling progress.")
public class ProgressCommand implements Callable<Integer> {

    @Option(names = "--project", required = true, description = "Project id.")
    String projectId;

    @Mixin
    RouterOptions router;

    @Override
    public Integer call() {
        try (CentaurClients clients = router.clients()) {
            GetProgressResponse p = clients.router().getProgress(GetProgressRequest.newBuilder().setProjectId(projectId).build());
            System.out.printf("project %s: items %d | awaiting model %d | with crowd %d | labeled %d %s | offered to QC %d"
                            + " | crowd answers used %d | model predictions %d%n",
                    projectId, p.getItems(), p.getAwaitingModel(), p.getWithCrowd(), p.getLabeled(),
                    new TreeMap<>(p.getLabeledBySourceMap()), p.getOfferedToQc(), p.getCrowdAnswers(), p.getModelPredictions());
            return 0;
        } catch (StatusRuntimeException e) {
            System.err.println("centaur progress: " + RpcFailure.describe("GetProgress", e));
            return 1;
        }
    }
}
