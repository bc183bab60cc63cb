package dev.centaur.cli.items;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.ItemPages;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.inference.v1.LabeledExample;
import dev.centaur.inference.v1.ModelVersion;
import dev.centaur.inference.v1.TrainRequest;
import dev.centaur.router.v1.AddGoldenItemsRequest;
import dev.centaur.router.v1.AddGoldenItemsResponse;
import dev.centaur.router.v1.ExportGoldenItemsRequest;
import dev.centaur.router.v1.ExportGoldenItemsResponse;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.SubmitItemsRequest;
import dev.centaur.router.v1.SubmitItemsResponse;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The golden flow against running services, shared by {@code import}, {@code train} and the demo:
 * golden items to router (which keeps a held-out share to measure the model for the curve), the
 * training share back out to InferenceService.Train, the other items to SubmitItems.
 */
public final class ItemUpload {

    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(5);

    private final CentaurClients clients;
    private final PrintStream out;

    public ItemUpload(CentaurClients clients, PrintStream out) {
        this.clients = clients;
        this.out = out;
    }

    /** Adds the golden items in pages; returns how many were new. */
    public long addGolden(String projectId, List<DatasetItem> items, Map<String, String> gold) {
        long created = 0;
        long duplicates = 0;
        List<AddGoldenItemsRequest> pages = ItemPages.goldenPages(projectId, items, gold);
        for (AddGoldenItemsRequest page : pages) {
            AddGoldenItemsResponse response = ItemPages.send("AddGoldenItems", page.getItemsCount(),
                    () -> clients.router().addGoldenItems(page), out);
            created += response.getCreated();
            duplicates += response.getDuplicates();
        }
        out.println("Added " + items.size() + " golden items in " + pages.size() + " calls (" + created + " new, "
                + duplicates + " already there)");
        return created;
    }

    /** Submits the items to label in pages; returns how many were new. */
    public long submit(String projectId, List<DatasetItem> items) {
        long created = 0;
        long duplicates = 0;
        List<SubmitItemsRequest> pages = ItemPages.submitPages(projectId, items);
        for (SubmitItemsRequest page : pages) {
            SubmitItemsResponse response = ItemPages.send("SubmitItems", page.getItemsCount(),
                    () -> clients.router().submitItems(page), out);
            created += response.getCreated();
            duplicates += response.getDuplicates();
        }
        out.println("Submitted " + items.size() + " items in " + pages.size() + " calls (" + created + " created, "
                + duplicates + " already there)");
        return created;
    }

    /**
     * Trains the project's model (its model name, else the project id) on the golden training
     * share that router exports, and activates it.
     */
    public ModelVersion train(Project project, long seed, Duration trainTimeout) {
        List<LabeledExample> examples = new ArrayList<>();
        RpcFailure.call("ExportGoldenItems", () -> {
            clients.router(EXPORT_TIMEOUT).exportGoldenItems(ExportGoldenItemsRequest.newBuilder()
                    .setProjectId(project.getProjectId()).setIncludeHoldout(false).build())
                    .forEachRemaining(response -> add(examples, response));
            return examples;
        });
        String modelName = project.getModelName().isEmpty() ? project.getProjectId() : project.getModelName();
        if (examples.size() < 2) {
            throw new CliException("Project " + project.getProjectId() + " has " + examples.size()
                    + " golden training items: import golden items first (centaur import --gold ... or a label column)");
        }
        out.println("Training model " + modelName + " on " + examples.size() + " golden training items ...");
        TrainRequest request = TrainRequest.newBuilder().setModelName(modelName).addAllLabels(project.getLabelsList())
                .addAllExamples(examples).setSeed(seed).setActivate(true).build();
        long start = System.nanoTime();
        ModelVersion model = RpcFailure.call("Train", () -> clients.inference(trainTimeout).train(request)).getModel();
        out.printf(Locale.ROOT, "  model version %s: held-out accuracy %.3f on %d items (%d trained), %.0f s%n",
                model.getVersionId(), model.getHeldoutAccuracy(), model.getHeldoutExamples(), model.getTrainExamples(),
                (System.nanoTime() - start) / 1e9);
        return model;
    }

    private static void add(List<LabeledExample> examples, ExportGoldenItemsResponse response) {
        if (!response.getHoldout()) {
            examples.add(LabeledExample.newBuilder().setContent(response.getItem().getContent())
                    .setLabel(response.getItem().getGoldLabel()).build());
        }
    }
}
