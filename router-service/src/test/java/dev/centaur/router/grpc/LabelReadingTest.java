package dev.centaur.router.grpc;

import static dev.centaur.router.TestSupport.assertFails;
import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.ExportLabelsRequest;
import dev.centaur.router.v1.ExportLabelsResponse;
import dev.centaur.router.v1.FinalLabel;
import dev.centaur.router.v1.GetLabelsRequest;
import dev.centaur.router.v1.GetLabelsResponse;
import dev.centaur.router.v1.SubmittedItem;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakePeers.class)
class LabelReadingTest {

    @Inject
    RouterCalls calls;

    /** Ids in byte order, upper case first ("Zeta" < "alpha"), whatever the database's collation. */
    private static final List<String> ITEM_IDS = Stream.concat(
            Stream.of("Zeta", "alpha"),
            IntStream.range(0, 23).mapToObj(i -> String.format("item-%02d", i))).sorted().toList();

    /** A project whose 25 items all got model labels. */
    private String labeledProject() {
        String projectId = calls.createProject(0.5, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v3", List.of("yes", "no"));
        calls.submit(projectId, ITEM_IDS.stream().map(id -> text(id, "yes|0.9")).toArray(SubmittedItem[]::new));
        eventually(() -> assertEquals(ITEM_IDS.size(), calls.finalLabels(projectId)));
        return projectId;
    }

    @Test
    void labelsArePagedByItemId() {
        String projectId = labeledProject();

        GetLabelsResponse first = page(projectId, "", 10);
        GetLabelsResponse second = page(projectId, first.getNextAfterItemId(), 10);
        GetLabelsResponse last = page(projectId, second.getNextAfterItemId(), 10);

        assertEquals(ITEM_IDS.subList(0, 10), ids(first.getLabelsList()));
        assertEquals(ITEM_IDS.get(9), first.getNextAfterItemId());
        assertEquals(ITEM_IDS.subList(10, 20), ids(second.getLabelsList()));
        assertEquals(ITEM_IDS.subList(20, 25), ids(last.getLabelsList()));
        assertEquals("", last.getNextAfterItemId(), "no page after the last");
        FinalLabel label = first.getLabels(0);
        assertEquals("yes", label.getLabel());
        assertEquals(LabelSource.LABEL_SOURCE_MODEL, label.getSource());
        assertEquals(0.9, label.getConfidence(), 1e-9);
        assertEquals("v3", label.getModelVersion());
        assertEquals(0, label.getAnswersUsed());
        assertFalse(label.getLabeledAtEpochMs() == 0);
    }

    @Test
    void aLastPageThatIsExactlyFullHasNoNextPage() {
        String projectId = labeledProject();

        GetLabelsResponse page = page(projectId, ITEM_IDS.get(19), 5);

        assertEquals(ITEM_IDS.subList(20, 25), ids(page.getLabelsList()));
        assertEquals("", page.getNextAfterItemId());
    }

    @Test
    void pageSizeZeroMeansOneHundred() {
        String projectId = labeledProject();

        GetLabelsResponse page = page(projectId, "", 0);

        assertEquals(ITEM_IDS, ids(page.getLabelsList()));
        assertEquals("", page.getNextAfterItemId());
    }

    @Test
    void pageSizeOutsideTheRangeIsInvalid() {
        String projectId = calls.createProject(0.5, "yes", "no");

        assertFails(Status.Code.INVALID_ARGUMENT, () -> page(projectId, "", 1001), "page_size", "1001");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> page(projectId, "", -1), "page_size", "-1");
    }

    @Test
    void labelsOfAnUnknownProjectAreNotFound() {
        String projectId = "t-unknown-" + System.nanoTime();
        assertFails(Status.Code.NOT_FOUND, () -> page(projectId, "", 10), projectId);
        assertFails(Status.Code.INVALID_ARGUMENT, () -> page("", "", 10), "project_id");
    }

    @Test
    void exportStreamsEveryFinalLabelInItemIdOrder() {
        String projectId = labeledProject();

        List<FinalLabel> exported = new ArrayList<>();
        calls.router.exportLabels(ExportLabelsRequest.newBuilder().setProjectId(projectId).build())
                .forEachRemaining(response -> exported.add(response.getLabel()));

        // The test profile reads 7 labels per page: 25 labels span four pages.
        assertEquals(ITEM_IDS, ids(exported));
        assertEquals(page(projectId, "", 100).getLabelsList(), exported);
    }

    @Test
    void exportOfAProjectWithoutLabelsIsEmpty() {
        String projectId = calls.createProject(0.5, "yes", "no");

        Iterator<ExportLabelsResponse> exported =
                calls.router.exportLabels(ExportLabelsRequest.newBuilder().setProjectId(projectId).build());

        assertFalse(exported.hasNext());
    }

    @Test
    void exportOfAnUnknownProjectIsNotFound() {
        String projectId = "t-unknown-" + System.nanoTime();

        assertFails(Status.Code.NOT_FOUND, () -> calls.router.exportLabels(
                ExportLabelsRequest.newBuilder().setProjectId(projectId).build()).hasNext(), projectId);
        assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.router.exportLabels(
                ExportLabelsRequest.getDefaultInstance()).hasNext(), "project_id");
    }

    private GetLabelsResponse page(String projectId, String afterItemId, int pageSize) {
        return calls.router.getLabels(GetLabelsRequest.newBuilder()
                .setProjectId(projectId)
                .setAfterItemId(afterItemId)
                .setPageSize(pageSize)
                .build());
    }

    private static List<String> ids(List<FinalLabel> labels) {
        return labels.stream().map(FinalLabel::getItemId).toList();
    }
}
