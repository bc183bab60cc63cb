package dev.centaur.cli.command;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.items.ImportPlan;
import dev.centaur.cli.items.ItemFile;
import dev.centaur.cli.items.ItemUpload;
import dev.centaur.router.v1.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code centaur import}: checks the whole file first and imports nothing when a line is bad;
 * then golden items (with a gold label) go to AddGoldenItems, with {@code --train} the model is
 * trained on their training share, and the rest go to SubmitItems.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import items (CSV id,text or id,text_a,text_b [,label]; or JSON lines) into a project.")
public class ImportCommand implements Callable<Integer> {

    @Option(names = "--project", required = true, description = "Project id.")
    String projectId;

    @Option(names = "--file", required = true, description = "items.csv or items.jsonl.")
    Path file;

    @Option(names = "--gold", description = "Gold labels, CSV item_id,label (rows for items not in --file are ignored).")
    Path goldFile;

    @Option(names = "--gold-share", defaultValue = "1",
            description = "Share of the items with a gold label that become golden items (chosen by a seeded hash of the id); "
                    + "the others are submitted for labeling. Default: ${DEFAULT-VALUE}.")
    double goldShare;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the golden choice and the training. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--train", description = "Train the model on the golden training share before submitting the other items, "
            + "so they are routed by a model (items submitted while the project has no model go to the crowd).")
    boolean train;

    @Option(names = "--train-timeout", defaultValue = "900", description = "Deadline of the Train RPC, seconds. Default: ${DEFAULT-VALUE}.")
    int trainTimeoutSeconds;

    @Mixin
    RouterOptions router;

    @Override
    public Integer call() {
        return Commands.run("import", () -> {
            if (!(goldShare >= 0 && goldShare <= 1)) {
                throw new CliException("--gold-share must be in [0, 1], was " + goldShare);
            }
            try (CentaurClients clients = router.clients()) {
                Project project = ProjectCommand.get(clients, projectId);
                ImportPlan plan = ImportPlan.of(check(file, goldFile, project), goldShare, seed);
                ItemUpload upload = new ItemUpload(clients, System.out);
                if (!plan.golden().isEmpty()) {
                    upload.addGolden(projectId, plan.golden(), plan.gold());
                }
                if (train) {
                    upload.train(project, seed, Duration.ofSeconds(trainTimeoutSeconds));
                }
                if (!plan.submitted().isEmpty()) {
                    upload.submit(projectId, plan.submitted());
                }
                if (!plan.golden().isEmpty() && !train) {
                    System.out.println("Next: centaur train --project " + projectId + " (trains on the golden training share)");
                }
            }
        });
    }

    /** The file's contents, or a {@link CliException} listing every bad line when any is bad. */
    static ItemFile.Contents check(Path file, Path goldFile, Project project) {
        ItemFile.Contents contents = ItemFile.read(file, goldFile, project.getLabelsList());
        if (contents.valid()) {
            return contents;
        }
        StringBuilder message = new StringBuilder(contents.problemCount() + " bad line(s); nothing was imported:");
        contents.problems().forEach(problem -> message.append("\n  ").append(problem));
        if (contents.problemCount() > contents.problems().size()) {
            message.append("\n  ... and ").append(contents.problemCount() - contents.problems().size()).append(" more");
        }
        throw new CliException(message.toString());
    }
}
