package dev.centaur.router.grpc;

import static dev.centaur.router.TestSupport.assertFails;
import static dev.centaur.router.TestSupport.count;
import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.rows;
import static dev.centaur.router.TestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.curve.GoldenSplit;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.AddGoldenItemsRequest;
import dev.centaur.router.v1.AddGoldenItemsResponse;
import dev.centaur.router.v1.ExportGoldenItemsRequest;
import dev.centaur.router.v1.ExportGoldenItemsResponse;
import dev.centaur.router.v1.GoldenItem;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** AddGoldenItems, ExportGoldenItems and the prediction of held-out golden items. */
@QuarkusTest
@WithTestResource(FakePeers.class)
class GoldenItemsTest {

    /** application.properties: %test.centaur.router.golden.holdout-share. */
    static final double TEST_HOLDOUT_SHARE = 0.5;

    @Inject
    RouterCalls calls;

    @Test
    void goldenItemsAreStoredOnceAndTheFirstGoldLabelStays() {
        String projectId = calls.createProject(0.8, "yes", "no");

        AddGoldenItemsResponse first = add(projectId, golden("g-1", "yes|0.9", "yes"), golden("g-2", "no|0.9", "no"));
        AddGoldenItemsResponse repeat = add(projectId, golden("g-1", "yes|0.9", "no"), golden("g-3", "x", "no"));

        assertEquals(2, first.getCreated());
        assertEquals(0, first.getDuplicates());
        assertEquals(1, repeat.getCreated());
        assertEquals(1, repeat.getDuplicates());
        assertEquals("yes", rows(calls.dataSource, "SELECT gold_label FROM router.golden_item "
                + "WHERE project_id = ? AND item_id = 'g-1'", projectId).get(0).get(0));
        assertEquals(0, calls.progress(projectId).getItems(), "golden items are never project items");
    }

    @Test
    void exportSendsTheTrainingShareByDefaultAndEverythingWhenAsked() {
        String projectId = calls.createProject(0.8, "yes", "no");
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> String.format("e-%02d", i)).toList();
        add(projectId, ids.stream().map(id -> golden(id, "text " + id, "no")).toArray(GoldenItem[]::new));
        List<String> training = ids.stream().filter(id -> !GoldenSplit.isHoldout(id, TEST_HOLDOUT_SHARE)).toList();

        List<ExportGoldenItemsResponse> trainingExport = export(projectId, false);
        List<ExportGoldenItemsResponse> all = export(projectId, true);

        assertTrue(!training.isEmpty() && training.size() < ids.size(), "the ids fall on both sides");
        assertEquals(training, trainingExport.stream().map(r -> r.getItem().getItemId()).toList());
        trainingExport.forEach(r -> assertEquals(false, r.getHoldout()));
        assertEquals(ids, all.stream().map(r -> r.getItem().getItemId()).toList(), "by id, across pages of 7");
        all.forEach(r -> assertEquals(!training.contains(r.getItem().getItemId()), r.getHoldout()));
        assertEquals("text e-03", all.get(3).getItem().getContent().getText());
        assertEquals("no", all.get(3).getItem().getGoldLabel());
    }

    @Test
    void heldOutGoldenItemsArePredictedAndPredictedAgainWhenANewVersionRoutes() {
        String projectId = calls.createProject(0.8, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("no", "yes"));
        List<String> holdout = holdoutIds("p", 3);
        add(projectId, golden(holdout.get(0), "yes|0.9", "yes"), golden(holdout.get(1), "no|0.7", "no"),
                golden(holdout.get(2), "yes|0.6", "no"));

        eventually(() -> assertEquals(3, predictedBy(projectId, "v1")));
        List<String> distribution = rows(calls.dataSource, "SELECT model_probabilities[1], model_probabilities[2] "
                + "FROM router.golden_item WHERE project_id = ? AND item_id = ?", projectId, holdout.get(0)).get(0);
        assertEquals(0.9, Double.parseDouble(distribution.get(0)), 1e-9, "yes first, in the project's label order");
        assertEquals(0.1, Double.parseDouble(distribution.get(1)), 1e-9);
        FakePeers.INFERENCE.registerModel(projectId, "v2", List.of("yes", "no"));
        calls.submit(projectId, text("routed-by-v2", "yes|0.9"));

        eventually(() -> assertEquals(3, predictedBy(projectId, "v2")));
        assertEquals(1, calls.progress(projectId).getItems(), "only the submitted item is a project item");
    }

    @Test
    void badGoldenItemsAreInvalidAndNothingIsStored() {
        String projectId = calls.createProject(0.8, "yes", "no");

        assertFails(Status.Code.INVALID_ARGUMENT, () -> add(projectId, golden("a", "t", "yes"),
                golden("b", "t", "maybe")), "items[1].gold_label", "\"maybe\"");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> add(projectId, golden("a", "t", "")),
                "items[0].gold_label", "empty");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> add(projectId, golden("a", "", "yes")),
                "items[0].content", "empty");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> add(projectId, golden("a", "t", "yes"),
                golden("a", "u", "no")), "items[1].item_id", "\"a\"");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> add(projectId, golden("", "t", "yes")), "items[0].item_id");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> add(projectId), "items", "has 0 items");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> add("", golden("a", "t", "yes")), "project_id");
        assertFails(Status.Code.NOT_FOUND, () -> add(projectId + "-gone", golden("a", "t", "yes")),
                projectId + "-gone");
        assertEquals(0, count(calls.dataSource, "SELECT count(*) FROM router.golden_item WHERE project_id = ?",
                projectId));
    }

    @Test
    void exportOfAnUnknownProjectIsNotFound() {
        String unknown = calls.createProject(0.8, "yes", "no") + "-gone";

        assertFails(Status.Code.NOT_FOUND, () -> export(unknown, false), unknown);
        assertFails(Status.Code.INVALID_ARGUMENT, () -> export("", true), "project_id");
    }

    /** count ids "prefix-i" that fall in the held-out share. */
    static List<String> holdoutIds(String prefix, int count) {
        return IntStream.range(0, 10 * count + 100).mapToObj(i -> prefix + "-" + i)
                .filter(id -> GoldenSplit.isHoldout(id, TEST_HOLDOUT_SHARE)).limit(count).toList();
    }

    static GoldenItem golden(String itemId, String text, String goldLabel) {
        return GoldenItem.newBuilder()
                .setItemId(itemId)
                .setContent(ItemContent.newBuilder().setText(text))
                .setGoldLabel(goldLabel)
                .build();
    }

    private AddGoldenItemsResponse add(String projectId, GoldenItem... items) {
        return calls.router.addGoldenItems(AddGoldenItemsRequest.newBuilder()
                .setProjectId(projectId).addAllItems(List.of(items)).build());
    }

    private List<ExportGoldenItemsResponse> export(String projectId, boolean includeHoldout) {
        Iterator<ExportGoldenItemsResponse> stream = calls.router.exportGoldenItems(ExportGoldenItemsRequest
                .newBuilder().setProjectId(projectId).setIncludeHoldout(includeHoldout).build());
        List<ExportGoldenItemsResponse> all = new ArrayList<>();
        stream.forEachRemaining(all::add);
        return all;
    }

    private long predictedBy(String projectId, String version) {
        return count(calls.dataSource, "SELECT count(*) FROM router.golden_item WHERE project_id = ? "
                + "AND model_version = ?", projectId, version);
    }
}
