package dev.centaur.router.grpc;

import static dev.centaur.router.TestSupport.assertFails;
import static dev.centaur.router.TestSupport.count;
import static dev.centaur.router.TestSupport.newProjectId;
import static dev.centaur.router.TestSupport.pair;
import static dev.centaur.router.TestSupport.project;
import static dev.centaur.router.TestSupport.rows;
import static dev.centaur.router.TestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.ProjectServiceGrpc.ProjectServiceBlockingStub;
import dev.centaur.router.v1.RouterServiceGrpc.RouterServiceBlockingStub;
import dev.centaur.router.v1.SubmitItemsRequest;
import dev.centaur.router.v1.SubmitItemsResponse;
import dev.centaur.router.v1.SubmittedItem;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(FakePeers.class)
class SubmitItemsTest {

    private static final String ITEM_ROWS = """
            SELECT item_id, text, text_a, text_b, metadata::text, submitted_at
            FROM router.item WHERE project_id = ? ORDER BY item_id""";

    @GrpcClient("router")
    RouterServiceBlockingStub router;

    @GrpcClient("router")
    ProjectServiceBlockingStub projects;

    @Inject
    DataSource dataSource;

    @Test
    void submittedItemsAreStoredWithTheirContentAndMetadata() {
        String projectId = createProject();
        SubmittedItem withMetadata = text("a-1", "one text").toBuilder()
                .putMetadata("source", "web").putMetadata("lang", "en").build();

        SubmitItemsResponse response = submit(projectId, withMetadata, pair("a-2", "query", "document"));

        assertEquals(2, response.getCreated());
        assertEquals(0, response.getDuplicates());
        List<List<String>> stored = rows(dataSource, ITEM_ROWS, projectId);
        assertEquals(List.of("a-1", "one text", "null", "null"), stored.get(0).subList(0, 4));
        assertEquals("{\"lang\": \"en\", \"source\": \"web\"}", stored.get(0).get(4));
        assertEquals(List.of("a-2", "null", "query", "document", "{}"), stored.get(1).subList(0, 5));
    }

    @Test
    void repeatedSubmitCountsDuplicatesAndChangesNothing() {
        String projectId = createProject();
        submit(projectId, text("r-1", "first"), text("r-2", "second"));
        List<List<String>> before = rows(dataSource, ITEM_ROWS, projectId);

        SubmitItemsResponse repeat = submit(projectId, text("r-1", "changed"), pair("r-2", "x", "y"));

        assertEquals(0, repeat.getCreated());
        assertEquals(2, repeat.getDuplicates());
        assertEquals(before, rows(dataSource, ITEM_ROWS, projectId));
    }

    @Test
    void partlyRepeatedSubmitStoresOnlyTheNewItems() {
        String projectId = createProject();
        submit(projectId, text("p-1", "first"));

        SubmitItemsResponse response = submit(projectId, text("p-1", "first"), text("p-2", "second"));

        assertEquals(1, response.getCreated());
        assertEquals(1, response.getDuplicates());
        assertEquals(2, itemCount(projectId));
    }

    @Test
    void aFullBatchOfTheMostItemsIsAccepted() {
        String projectId = createProject();
        SubmittedItem[] items = IntStream.range(0, 1000).mapToObj(i -> text("bulk-" + i, "text " + i))
                .toArray(SubmittedItem[]::new);

        assertEquals(1000, submit(projectId, items).getCreated());
        assertEquals(1000, itemCount(projectId));
    }

    @Test
    void unknownProjectIsNotFoundAndNothingIsStored() {
        String projectId = newProjectId();

        assertFails(Status.Code.NOT_FOUND, () -> submit(projectId, text("x", "y")), projectId);

        assertEquals(0, itemCount(projectId));
    }

    static Stream<Arguments> badItems() {
        ItemContent empty = ItemContent.getDefaultInstance();
        return Stream.of(
                bad("empty item id", text("", "t"), "items[1].item_id", "is empty"),
                bad("item id of 129 characters", text("i".repeat(129), "t"), "items[1].item_id", "129 characters"),
                bad("item id with a NUL", text("a\0b", "t"), "items[1].item_id", "a\\0b"),
                bad("item id repeated in the request", text("ok-1", "t"), "items[1].item_id", "repeats items[0]"),
                bad("no content", SubmittedItem.newBuilder().setItemId("c").setContent(empty).build(),
                        "items[1].content", "is empty"),
                bad("text and a pair", SubmittedItem.newBuilder().setItemId("c").setContent(
                        ItemContent.newBuilder().setText("t").setTextA("a").setTextB("b")).build(),
                        "items[1].content", "\"t\""),
                bad("text_a without text_b", SubmittedItem.newBuilder().setItemId("c").setContent(
                        ItemContent.newBuilder().setTextA("a")).build(), "items[1].content.text_b", "\"\""),
                bad("text_b without text_a", SubmittedItem.newBuilder().setItemId("c").setContent(
                        ItemContent.newBuilder().setTextB("b")).build(), "items[1].content.text_a", "\"\""),
                bad("blank text", text("c", "   "), "items[1].content.text", "\"   \""),
                bad("text over the limit", text("c", "x".repeat(10_001)), "items[1].content.text",
                        "10001 characters"),
                bad("text over the limit counted in UTF-16 units", text("c", "\uD83D\uDE00".repeat(5001)),
                        "items[1].content.text", "10002 characters"),
                bad("text_b over the limit", pair("c", "a", "y".repeat(10_001)), "items[1].content.text_b",
                        "10001 characters"),
                bad("text with a NUL", text("c", "a\0b"), "items[1].content.text", "a\\0b"),
                bad("51 metadata entries", withMetadata(51), "items[1].metadata", "51 entries"),
                bad("metadata value with a NUL", text("c", "t").toBuilder().putMetadata("k", "v\0").build(),
                        "items[1].metadata[\"k\"]", "v\\0"));
    }

    private static Arguments bad(String name, SubmittedItem item, String field, String value) {
        return Arguments.of(name, item, field, value);
    }

    private static SubmittedItem withMetadata(int entries) {
        SubmittedItem.Builder item = text("c", "t").toBuilder();
        IntStream.range(0, entries).forEach(i -> item.putMetadata("key-" + i, "value"));
        return item.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badItems")
    void badItemIsInvalidAndNoItemOfTheRequestIsStored(String name, SubmittedItem badItem, String field,
            String value) {
        String projectId = createProject();

        // A good item first: validation must refuse the whole request before storing any of it.
        assertFails(Status.Code.INVALID_ARGUMENT, () -> submit(projectId, text("ok-1", "fine"), badItem),
                field, value);

        assertEquals(0, itemCount(projectId));
    }

    @Test
    void noItemsIsInvalid() {
        String projectId = createProject();

        assertFails(Status.Code.INVALID_ARGUMENT, () -> submit(projectId), "items", "has 0 items");
    }

    @Test
    void moreItemsThanTheLimitIsInvalidAndNothingIsStored() {
        String projectId = createProject();
        SubmittedItem[] items = IntStream.range(0, 1001).mapToObj(i -> text("many-" + i, "text"))
                .toArray(SubmittedItem[]::new);

        assertFails(Status.Code.INVALID_ARGUMENT, () -> submit(projectId, items), "items", "has 1001 items");

        assertEquals(0, itemCount(projectId));
    }

    @Test
    void emptyProjectIdIsInvalid() {
        assertFails(Status.Code.INVALID_ARGUMENT, () -> submit("", text("x", "y")), "project_id", "is empty");
    }

    private SubmitItemsResponse submit(String projectId, SubmittedItem... items) {
        return router.submitItems(SubmitItemsRequest.newBuilder()
                .setProjectId(projectId)
                .addAllItems(List.of(items))
                .build());
    }

    /** A project without a model: its items only travel to the (fake) crowd in the background. */
    private String createProject() {
        String projectId = newProjectId();
        projects.createProject(CreateProjectRequest.newBuilder().setProject(project(projectId, 0.9, "yes", "no"))
                .build());
        return projectId;
    }

    private long itemCount(String projectId) {
        return count(dataSource, "SELECT count(*) FROM router.item WHERE project_id = ?", projectId);
    }
}
