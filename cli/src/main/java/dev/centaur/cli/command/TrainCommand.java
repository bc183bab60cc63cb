package dev.centaur.cli.command;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.items.ItemUpload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code centaur train}: trains the project's model on the golden training share router exports. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train and activate the project's model on its golden items (the held-out share stays out).")
public class TrainCommand implements Callable<Integer> {

    @Option(names = "--project", required = true, description = "Project id.")
    String projectId;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the training. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--train-timeout", defaultValue = "900", description = "Deadline of the Train RPC, seconds. Default: ${DEFAULT-VALUE}.")
    int trainTimeoutSeconds;

    @Mixin
    RouterOptions router;

    @Override
    public Integer call() {
        return Commands.run("train", () -> {
            try (CentaurClients clients = router.clients()) {
                new ItemUpload(clients, System.out).train(ProjectCommand.get(clients, projectId), seed,
                        Duration.ofSeconds(trainTimeoutSeconds));
            }
        });
    }
}
