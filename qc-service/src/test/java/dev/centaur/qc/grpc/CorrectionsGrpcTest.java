package dev.centaur.qc.grpc;

import static dev.centaur.qc.grpc.QcFixtures.answer;
import static dev.centaur.qc.grpc.QcFixtures.assertFails;
import static dev.centaur.qc.grpc.QcFixtures.newProjectId;
import static dev.centaur.qc.grpc.QcFixtures.nextReview;
import static dev.centaur.qc.grpc.QcFixtures.offer;
import static dev.centaur.qc.grpc.QcFixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.v1.Correction;
import dev.centaur.qc.v1.ListCorrectionsRequest;
import dev.centaur.qc.v1.ListCorrectionsResponse;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import dev.centaur.qc.v1.Review;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CorrectionsGrpcTest {

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Test
    void wrongFinalLabelsAreListedInTheOrderFoundPageByPage() {
        String project = newProjectId();
        List<OfferedLabel> labels = IntStream.range(0, 6)
                .mapToObj(i -> single("item-" + i, "positive", LabelSource.LABEL_SOURCE_MODEL).toBuilder()
                        .setModelVersion("v" + i).build()).toList();
        qc.offer(offer(project, 1.0, labels));
        // The expert agrees with item-2 only: five corrections.
        for (Optional<Review> next = nextReview(qc, "expert-a", project); next.isPresent();
                next = nextReview(qc, "expert-a", project)) {
            String label = next.get().getItemId().equals("item-2") ? "positive" : "negative";
            answer(qc, "expert-a", next.get().getReviewId(), label);
        }

        ListCorrectionsResponse first = list(project, 0, 2);
        assertEquals(List.of(1L, 2L), sequences(first));
        assertEquals(List.of("item-0", "item-1"), first.getCorrectionsList().stream().map(Correction::getItemId).toList());
        assertTrue(first.getHasMore());
        assertEquals(2, first.getNextAfter());
        Correction correction = first.getCorrections(1);
        assertEquals(project, correction.getProjectId());
        assertEquals("positive", correction.getFinalLabel());
        assertEquals("negative", correction.getCorrectedLabel());
        assertEquals(LabelSource.LABEL_SOURCE_MODEL, correction.getSource());
        assertEquals("v1", correction.getModelVersion());
        assertEquals(1, correction.getReviews());
        assertTrue(correction.getCorrectedAtEpochMs() > 0);

        ListCorrectionsResponse second = list(project, first.getNextAfter(), 2);
        assertEquals(List.of(3L, 4L), sequences(second));
        assertEquals(List.of("item-3", "item-4"), second.getCorrectionsList().stream().map(Correction::getItemId).toList());
        ListCorrectionsResponse last = list(project, second.getNextAfter(), 2);
        assertEquals(List.of(5L), sequences(last));
        assertFalse(last.getHasMore());
        assertEquals(5, last.getNextAfter());

        ListCorrectionsResponse empty = list(project, last.getNextAfter(), 2);
        assertEquals(0, empty.getCorrectionsCount());
        assertEquals(5, empty.getNextAfter());
        assertFalse(empty.getHasMore());
        assertEquals(5, list(project, 0, 0).getCorrectionsCount());
    }

    @Test
    void projectWithReviewsButNoWrongLabelHasNoCorrections() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_CROWD))));
        answer(qc, "expert-a", nextReview(qc, "expert-a", project).orElseThrow().getReviewId(), "positive");

        ListCorrectionsResponse page = list(project, 0, 10);

        assertEquals(0, page.getCorrectionsCount());
        assertEquals(0, page.getNextAfter());
    }

    @Test
    void correctionsOfAnUnknownProjectAreNotFound() {
        String project = newProjectId();
        assertFails(Status.Code.NOT_FOUND, "project_id '" + project + "' not found", () -> list(project, 0, 10));
        assertFails(Status.Code.INVALID_ARGUMENT, "project_id 'Bad Id'", () -> list("Bad Id", 0, 10));
    }

    @Test
    void badPagingIsRefusedNamingTheField() {
        String project = newProjectId();
        qc.offer(offer(project, 0.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_CROWD))));
        assertFails(Status.Code.INVALID_ARGUMENT, "page_size -1 is outside 1..1000", () -> list(project, 0, -1));
        assertFails(Status.Code.INVALID_ARGUMENT, "page_size 1001 is outside 1..1000", () -> list(project, 0, 1001));
        assertFails(Status.Code.INVALID_ARGUMENT, "after -3 is negative", () -> list(project, -3, 10));
    }

    private ListCorrectionsResponse list(String project, long after, int pageSize) {
        return qc.listCorrections(ListCorrectionsRequest.newBuilder()
                .setProjectId(project).setAfter(after).setPageSize(pageSize).build());
    }

    private static List<Long> sequences(ListCorrectionsResponse page) {
        return page.getCorrectionsList().stream().map(Correction::getSequence).toList();
    }
}
