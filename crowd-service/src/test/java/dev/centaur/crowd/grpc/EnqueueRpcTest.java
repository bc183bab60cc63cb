package dev.centaur.crowd.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.v1.CrowdItem;
import dev.centaur.crowd.v1.EnqueueRequest;
import dev.centaur.crowd.v1.EnqueueResponse;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Enqueue: items join the pool once; a bad request writes nothing, not even its good items. */
@QuarkusTest
class EnqueueRpcTest extends CrowdTestSupport {

    /** The default centaur.crowd.max-text-length. */
    private static final int MAX_TEXT_LENGTH = 10_000;

    private String projectId;

    @BeforeEach
    void createProject() {
        projectId = newProjectId();
        upsertProject(projectId, 2, "pos", "neg");
    }

    @Test
    void enqueueAddsItemsOfBothFormsWithAndWithoutModelDistributions() {
        EnqueueResponse response = crowd.enqueue(EnqueueRequest.newBuilder().setProjectId(projectId)
                .addItems(textItem("single"))
                .addItems(pair("pair", "A", "B"))
                .addItems(textItem("scored").toBuilder().addModelProbabilities(0.25).addModelProbabilities(0.75))
                .build());

        assertEquals(3, response.getEnqueued());
        assertEquals(0, response.getDuplicates());
        assertEquals(3, db.items(projectId));
        assertEquals("{0.25,0.75}", db.text("SELECT model_probabilities::text FROM crowd.item"
                + " WHERE project_id = ? AND item_id = 'scored'", projectId));
        assertEquals("B", db.text("SELECT text_b FROM crowd.item WHERE project_id = ? AND item_id = 'pair'",
                projectId));
    }

    @Test
    void repeatedItemsAreDuplicatesAndChangeNothing() {
        enqueueTexts(projectId, "a", "b");

        EnqueueResponse repeat = crowd.enqueue(EnqueueRequest.newBuilder().setProjectId(projectId)
                .addItems(CrowdItem.newBuilder().setItemId("a").setContent(ItemContent.newBuilder().setText("new")))
                .addItems(textItem("c"))
                .addItems(textItem("c"))
                .build());

        assertEquals(1, repeat.getEnqueued());
        assertEquals(2, repeat.getDuplicates());
        assertEquals(3, db.items(projectId));
        assertEquals("text of a", db.text("SELECT text FROM crowd.item WHERE project_id = ? AND item_id = 'a'",
                projectId));
    }

    @Test
    void enqueueToAnUnknownProjectIsNotFound() {
        String unknown = newProjectId();

        assertRefused(Status.Code.NOT_FOUND, () -> crowd.enqueue(EnqueueRequest.newBuilder().setProjectId(unknown)
                .addItems(textItem("a")).build()), "project_id", unknown);
        assertEquals(0, db.items(unknown));
    }

    @Test
    void enqueueRefusesAnEmptyOrOversizedBatch() {
        assertRefused(Status.Code.INVALID_ARGUMENT,
                () -> crowd.enqueue(EnqueueRequest.newBuilder().setProjectId(projectId).build()), "items", "0");
        EnqueueRequest.Builder tooMany = EnqueueRequest.newBuilder().setProjectId(projectId);
        IntStream.range(0, 1001).forEach(i -> tooMany.addItems(textItem("item-" + i)));

        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.enqueue(tooMany.build()), "items", "1001");
        assertEquals(0, db.items(projectId));
    }

    @Test
    void enqueueRefusesAMalformedProjectId() {
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.enqueue(EnqueueRequest.newBuilder()
                .setProjectId("Not Valid").addItems(textItem("a")).build()), "project_id", "'Not Valid'");
    }

    @Test
    void enqueueRefusesEveryBadItemAndWritesNothing() {
        record BadItem(CrowdItem item, List<String> fragments) {
        }
        String longId = "x".repeat(129);
        String longText = "y".repeat(MAX_TEXT_LENGTH + 1);
        List<BadItem> cases = List.of(
                new BadItem(textItem(""), List.of("items[1].item_id", "''")),
                new BadItem(textItem(longId), List.of("items[1].item_id", "129")),
                new BadItem(CrowdItem.newBuilder().setItemId("no-content").build(),
                        List.of("items[1].content", "missing", "no-content")),
                new BadItem(CrowdItem.newBuilder().setItemId("empty").setContent(ItemContent.getDefaultInstance())
                        .build(), List.of("items[1].content", "empty", "'empty'")),
                new BadItem(CrowdItem.newBuilder().setItemId("both").setContent(ItemContent.newBuilder()
                        .setText("t").setTextA("a").setTextB("b")).build(), List.of("items[1].content", "both")),
                new BadItem(CrowdItem.newBuilder().setItemId("half").setContent(ItemContent.newBuilder()
                        .setTextA("a")).build(), List.of("items[1].content.text_b", "empty", "'half'")),
                new BadItem(CrowdItem.newBuilder().setItemId("blank").setContent(ItemContent.newBuilder()
                        .setText("   ")).build(), List.of("items[1].content.text", "blank", "'blank'")),
                new BadItem(CrowdItem.newBuilder().setItemId("long").setContent(ItemContent.newBuilder()
                        .setText(longText)).build(), List.of("items[1].content.text", "10001", "10000")),
                new BadItem(pair("long-pair", "a", longText), List.of("items[1].content.text_b", "10001")),
                new BadItem(textItem("p-range").toBuilder().addModelProbabilities(1.5)
                        .addModelProbabilities(-0.5).build(),
                        List.of("items[1].model_probabilities[0]", "1.5", "'p-range'")),
                new BadItem(textItem("p-nan").toBuilder().addModelProbabilities(Double.NaN)
                        .addModelProbabilities(0.5).build(), List.of("items[1].model_probabilities[0]", "NaN")),
                new BadItem(textItem("p-sum").toBuilder().addModelProbabilities(0.5).addModelProbabilities(0.4)
                        .build(), List.of("items[1].model_probabilities", "0.9", "'p-sum'")),
                new BadItem(textItem("p-count").toBuilder().addModelProbabilities(0.5).addModelProbabilities(0.25)
                        .addModelProbabilities(0.25).build(),
                        List.of("items[1].model_probabilities", "3 values", "2 labels")));

        for (BadItem bad : cases) {
            EnqueueRequest request = EnqueueRequest.newBuilder().setProjectId(projectId)
                    .addItems(textItem("good-one")).addItems(bad.item()).build();

            assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.enqueue(request),
                    bad.fragments().toArray(String[]::new));
            assertEquals(0, db.items(projectId), "nothing written for " + bad.fragments());
        }
    }

    @Test
    void textOfExactlyTheMaximumLengthIsAccepted() {
        EnqueueResponse response = crowd.enqueue(EnqueueRequest.newBuilder().setProjectId(projectId)
                .addItems(CrowdItem.newBuilder().setItemId("x".repeat(128))
                        .setContent(ItemContent.newBuilder().setText("z".repeat(MAX_TEXT_LENGTH))))
                .build());

        assertEquals(1, response.getEnqueued());
    }

    private static CrowdItem pair(String itemId, String textA, String textB) {
        return CrowdItem.newBuilder().setItemId(itemId)
                .setContent(ItemContent.newBuilder().setTextA(textA).setTextB(textB)).build();
    }
}
