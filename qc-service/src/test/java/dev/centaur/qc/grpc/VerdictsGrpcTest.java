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
import dev.centaur.qc.v1.ListVerdictsRequest;
import dev.centaur.qc.v1.ListVerdictsResponse;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import dev.centaur.qc.v1.Review;
import dev.centaur.qc.v1.Verdict;
import dev.centaur.qc.v1.VerdictResult;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ListVerdicts: every decided verdict, confirmed or corrected, in the order decided, page by page. */
@QuarkusTest
class VerdictsGrpcTest {

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Inject
    QcRows rows;

    @Test
    void confirmedAndCorrectedVerdictsAreListedInTheOrderDecidedPageByPage() {
        String project = newProjectId();
        List<OfferedLabel> labels = List.of(
                single("m-1", "positive", LabelSource.LABEL_SOURCE_MODEL).toBuilder().setModelVersion("v7").build(),
                single("c-1", "negative", LabelSource.LABEL_SOURCE_CROWD),
                single("h-1", "neutral", LabelSource.LABEL_SOURCE_HYBRID));
        qc.offer(offer(project, 1.0, labels));
        // The expert confirms m-1 and h-1 and corrects c-1, in queue order.
        for (Optional<Review> next = nextReview(qc, "expert-a", project); next.isPresent();
                next = nextReview(qc, "expert-a", project)) {
            String label = switch (next.get().getItemId()) {
                case "m-1" -> "positive";
                case "c-1" -> "positive";
                default -> "neutral";
            };
            answer(qc, "expert-a", next.get().getReviewId(), label);
        }

        ListVerdictsResponse first = list(project, 0, 2);
        assertEquals(List.of(1L, 2L), first.getVerdictsList().stream().map(Verdict::getSequence).toList());
        assertTrue(first.getHasMore());
        assertEquals(2, first.getNextAfter());
        ListVerdictsResponse last = list(project, first.getNextAfter(), 2);
        assertEquals(List.of(3L), last.getVerdictsList().stream().map(Verdict::getSequence).toList());
        assertFalse(last.getHasMore());
        assertEquals(3, last.getNextAfter());

        List<Verdict> all = list(project, 0, 0).getVerdictsList();
        assertEquals(3, all.size());
        Verdict model = byItem(all, "m-1");
        assertEquals(List.of(project, "positive", "positive", "v7"),
                List.of(model.getProjectId(), model.getFinalLabel(), model.getExpertLabel(), model.getModelVersion()));
        assertEquals(LabelSource.LABEL_SOURCE_MODEL, model.getSource());
        assertEquals(VerdictResult.VERDICT_RESULT_CONFIRMED, model.getResult());
        assertEquals(0, model.getCorrectionSequence());
        assertEquals(1, model.getReviews());
        assertEquals(1.0, model.getSampleRate(), 0);
        assertTrue(model.getDecidedAtEpochMs() > 0);
        Verdict crowd = byItem(all, "c-1");
        assertEquals(VerdictResult.VERDICT_RESULT_CORRECTED, crowd.getResult());
        assertEquals(List.of("negative", "positive"), List.of(crowd.getFinalLabel(), crowd.getExpertLabel()));
        Correction correction = qc.listCorrections(ListCorrectionsRequest.newBuilder().setProjectId(project).build())
                .getCorrections(0);
        assertEquals(correction.getSequence(), crowd.getCorrectionSequence());
        assertEquals("c-1", correction.getItemId());
        assertEquals(VerdictResult.VERDICT_RESULT_CONFIRMED, byItem(all, "h-1").getResult());
        assertEquals(LabelSource.LABEL_SOURCE_HYBRID, byItem(all, "h-1").getSource());
    }

    @Test
    void aVerdictIsListedOnceDecidedWithEveryExpertAnswerBehindIt() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("item-1", "positive", LabelSource.LABEL_SOURCE_CROWD)))
                .toBuilder().setReviewsPerItem(2).build());
        answer(qc, "expert-a", nextReview(qc, "expert-a", project).orElseThrow().getReviewId(), "positive");
        assertEquals(0, list(project, 0, 10).getVerdictsCount(), "one of two answers decides nothing");
        answer(qc, "expert-b", nextReview(qc, "expert-b", project).orElseThrow().getReviewId(), "negative");
        assertEquals(0, list(project, 0, 10).getVerdictsCount(), "a tie waits for the third expert");

        answer(qc, "expert-c", nextReview(qc, "expert-c", project).orElseThrow().getReviewId(), "negative");

        Verdict verdict = list(project, 0, 10).getVerdicts(0);
        assertEquals(3, verdict.getReviews());
        assertEquals(VerdictResult.VERDICT_RESULT_CORRECTED, verdict.getResult());
        assertEquals("negative", verdict.getExpertLabel());
    }

    @Test
    void readingAPageTwiceGivesTheSamePageAndWritesNothing() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        answer(qc, "expert-a", nextReview(qc, "expert-a", project).orElseThrow().getReviewId(), "positive");
        QcRows.Counts before = rows.counts();

        ListVerdictsResponse once = list(project, 0, 10);
        ListVerdictsResponse twice = list(project, 0, 10);

        assertEquals(once, twice);
        assertEquals(1, once.getVerdictsCount());
        assertEquals(before, rows.counts());
        ListVerdictsResponse after = list(project, once.getNextAfter(), 10);
        assertEquals(0, after.getVerdictsCount());
        assertEquals(1, after.getNextAfter(), "an empty page keeps the cursor");
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndWriteNothing() {
        String project = newProjectId();
        qc.offer(offer(project, 0.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_CROWD))));
        QcRows.Counts before = rows.counts();
        String unknown = newProjectId();

        assertFails(Status.Code.NOT_FOUND, "project_id '" + unknown + "' not found", () -> list(unknown, 0, 10));
        assertFails(Status.Code.INVALID_ARGUMENT, "project_id 'Bad Id'", () -> list("Bad Id", 0, 10));
        assertFails(Status.Code.INVALID_ARGUMENT, "project_id ''", () -> list("", 0, 10));
        assertFails(Status.Code.INVALID_ARGUMENT, "page_size -1 is outside 1..1000", () -> list(project, 0, -1));
        assertFails(Status.Code.INVALID_ARGUMENT, "page_size 1001 is outside 1..1000", () -> list(project, 0, 1001));
        assertFails(Status.Code.INVALID_ARGUMENT, "after -3 is negative", () -> list(project, -3, 10));
        assertEquals(before, rows.counts());
        assertEquals(0, rows.number("SELECT COUNT(*) FROM qc.verdict WHERE project_id = ?", project));
    }

    private ListVerdictsResponse list(String project, long after, int pageSize) {
        return qc.listVerdicts(ListVerdictsRequest.newBuilder()
                .setProjectId(project).setAfter(after).setPageSize(pageSize).build());
    }

    private static Verdict byItem(List<Verdict> verdicts, String itemId) {
        return verdicts.stream().filter(verdict -> verdict.getItemId().equals(itemId)).findFirst().orElseThrow();
    }
}
