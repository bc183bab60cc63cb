package dev.centaur.crowd.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.common.v1.LabelSource;
import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.support.RecordingRouterResource;
import dev.centaur.crowd.v1.Annotator;
import dev.centaur.crowd.v1.CrowdItem;
import dev.centaur.crowd.v1.EnqueueRequest;
import dev.centaur.crowd.v1.GetItemResultRequest;
import dev.centaur.crowd.v1.GetItemResultResponse;
import dev.centaur.crowd.v1.ListAnnotatorsRequest;
import dev.centaur.crowd.v1.SubmitAnswerResponse;
import dev.centaur.crowd.v1.Task;
import dev.centaur.router.v1.ReportCrowdResultRequest;
import io.grpc.Status;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The crowd's main path: tasks handed out, answers taken, items aggregated and reported to router. */
@QuarkusTest
@WithTestResource(value = RecordingRouterResource.class, scope = TestResourceScope.GLOBAL)
class AnswerFlowTest extends CrowdTestSupport {

    private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(15);

    @Test
    void threeAnnotatorsCompleteAnItemWhoseMajorityLabelIsReportedToRouter() {
        String projectId = newProjectId();
        upsertProject(project(projectId, 3, "pos", "neg").setAggregationMethod("MV"));
        crowd.enqueue(EnqueueRequest.newBuilder().setProjectId(projectId).addItems(CrowdItem.newBuilder()
                .setItemId("review-1").setContent(ItemContent.newBuilder().setText("Loved it"))
                .addModelProbabilities(0.4).addModelProbabilities(0.6)).build());
        List<TestAnnotator> annotators = List.of(registerAnnotator("ann"), registerAnnotator("bob"),
                registerAnnotator("cyd"));
        List<String> labels = List.of("pos", "pos", "neg");

        SubmitAnswerResponse last = null;
        for (int i = 0; i < annotators.size(); i++) {
            Task task = annotators.get(i).nextTask(projectId);
            assertNotNull(task, "annotator " + i + " gets the item");
            assertEquals("review-1", task.getItemId());
            assertEquals("Loved it", task.getContent().getText());
            assertEquals(List.of("pos", "neg"), task.getLabelsList());
            assertEquals("Pick the label", task.getInstructions());
            assertTrue(task.getLeaseExpiresAtEpochMs() > System.currentTimeMillis());
            last = annotators.get(i).answer(task.getAssignmentId(), labels.get(i));
            assertEquals(i + 1, last.getItemAnswers());
            assertFalse(last.getItemCompleted(), "the evaluation worker aggregates, after the answer commits");
            assertEquals(i == 2 ? 1 : 0, db.dueOrCompleted(projectId, "review-1"),
                    "only the third answer makes the item due");
        }
        awaitEvaluated(projectId);

        GetItemResultResponse result = itemResult(projectId, "review-1");
        assertTrue(result.getCompleted());
        assertEquals(3, result.getAnswers());
        assertEquals(3, result.getAnswersUsed());
        assertEquals("pos", result.getLabel(), "two of three said pos; the model's lean to neg does not matter");
        assertEquals(2.0 / 3, result.getConfidence(), 1e-9);
        assertEquals("MV", result.getMethod());

        awaitTrue("the report to router", REPORT_TIMEOUT,
                () -> RecordingRouterResource.ROUTER.reportsFor(projectId).size() == 1);
        ReportCrowdResultRequest report = RecordingRouterResource.ROUTER.reportsFor(projectId).get(0);
        assertEquals("review-1", report.getItemId());
        assertEquals("pos", report.getLabel());
        assertEquals(2.0 / 3, report.getConfidence(), 1e-9);
        assertEquals(3, report.getAnswersUsed());
        assertEquals("MV", report.getMethod());
        assertEquals(LabelSource.LABEL_SOURCE_CROWD, report.getSource());
        awaitTrue("the outbox row marked reported", REPORT_TIMEOUT, () -> db.unreportedOutboxRows(projectId) == 0);
        assertEquals(1, db.outboxRows(projectId));

        Map<String, Annotator> listed = crowd.listAnnotators(ListAnnotatorsRequest.getDefaultInstance())
                .getAnnotatorsList().stream().collect(Collectors.toMap(Annotator::getAnnotatorId, Function.identity()));
        for (TestAnnotator annotator : annotators) {
            assertEquals(1, listed.get(annotator.annotatorId()).getAnswers());
        }
    }

    @Test
    void tieIsBrokenByTheModelsDistribution() {
        String projectId = newProjectId();
        upsertProject(projectId, 2, "pos", "neg");
        crowd.enqueue(EnqueueRequest.newBuilder().setProjectId(projectId).addItems(CrowdItem.newBuilder()
                .setItemId("x").setContent(ItemContent.newBuilder().setText("meh"))
                .addModelProbabilities(0.2).addModelProbabilities(0.8)).build());
        TestAnnotator ann = registerAnnotator("ann");
        TestAnnotator bob = registerAnnotator("bob");

        ann.answer(ann.nextTask(projectId).getAssignmentId(), "pos");
        bob.answer(bob.nextTask(projectId).getAssignmentId(), "neg");
        awaitEvaluated(projectId);

        GetItemResultResponse result = itemResult(projectId, "x");
        assertEquals("neg", result.getLabel());
        assertEquals(0.5, result.getConfidence(), 1e-9);
    }

    @Test
    void pairItemsReachAnnotatorsAsPairs() {
        String projectId = newProjectId();
        upsertProject(projectId, 1, "0", "1");
        crowd.enqueue(EnqueueRequest.newBuilder().setProjectId(projectId).addItems(CrowdItem.newBuilder()
                .setItemId("pair-1").setContent(ItemContent.newBuilder().setTextA("Sony TV | 40in").setTextB("Sony 40")))
                .build());

        Task task = registerAnnotator("ann").nextTask(projectId);

        assertEquals("Sony TV | 40in", task.getContent().getTextA());
        assertEquals("Sony 40", task.getContent().getTextB());
        assertEquals("", task.getContent().getText());
    }

    @Test
    void nextTaskOffersTheOldestItemFirstAndNeverTheSameItemTwiceToOneAnnotator() {
        String projectId = newProjectId();
        upsertProject(projectId, 2, "a", "b");
        enqueueTexts(projectId, "first", "second");
        TestAnnotator ann = registerAnnotator("ann");

        Task first = ann.nextTask(projectId);
        assertEquals("first", first.getItemId());
        ann.answer(first.getAssignmentId(), "a");
        Task second = ann.nextTask(projectId);
        assertEquals("second", second.getItemId());
        ann.answer(second.getAssignmentId(), "b");

        assertNull(ann.nextTask(projectId), "both items still need an answer, but not from ann");
        assertEquals("first", registerAnnotator("bob").nextTask(projectId).getItemId());
    }

    @Test
    void nextTaskReturnsTheHeldTaskAgainUntilItIsAnswered() {
        String projectId = newProjectId();
        upsertProject(projectId, 1, "a", "b");
        enqueueTexts(projectId, "one", "two");
        TestAnnotator ann = registerAnnotator("ann");

        Task task = ann.nextTask(projectId);
        Task retried = ann.nextTask(projectId);

        assertEquals(task.getAssignmentId(), retried.getAssignmentId());
        assertEquals(1, db.assignments(projectId), "the retry took no second item");
        ann.answer(task.getAssignmentId(), "a");
        assertEquals("two", ann.nextTask(projectId).getItemId());
    }

    @Test
    void itemWithAllSlotsTakenIsNotOfferedToOthers() {
        String projectId = newProjectId();
        upsertProject(projectId, 1, "a", "b");
        enqueueTexts(projectId, "only");
        TestAnnotator ann = registerAnnotator("ann");
        assertNotNull(ann.nextTask(projectId));

        assertNull(registerAnnotator("bob").nextTask(projectId), "ann's live assignment holds the only slot");
    }

    @Test
    void onlyItemIdsRestrictsTheOffer() {
        String projectId = newProjectId();
        upsertProject(projectId, 1, "a", "b");
        enqueueTexts(projectId, "i1", "i2", "i3");
        TestAnnotator ann = registerAnnotator("ann");

        Task task = ann.nextTask(projectId, "i3", "unknown-id");
        assertEquals("i3", task.getItemId());
        ann.answer(task.getAssignmentId(), "b");

        assertNull(ann.nextTask(projectId, "i3"), "i3 has its one answer");
        assertEquals("i1", ann.nextTask(projectId).getItemId());
    }

    @Test
    void onlyItemIdsOffersTheOldestListedItemWithAFreeSlot() {
        String projectId = newProjectId();
        upsertProject(projectId, 1, "a", "b");
        enqueueTexts(projectId, "i1", "i2", "i3", "i4");
        TestAnnotator ann = registerAnnotator("ann");
        assertEquals("i2", registerAnnotator("bob").nextTask(projectId, "i2").getItemId());

        Task first = ann.nextTask(projectId, "i4", "i2", "i3");
        assertEquals("i3", first.getItemId(), "bob holds i2's only slot; i3 is older than i4, whatever the list order");
        ann.answer(first.getAssignmentId(), "a");
        Task second = ann.nextTask(projectId, "i4", "i2", "i3");
        assertEquals("i4", second.getItemId());
        ann.answer(second.getAssignmentId(), "a");

        assertNull(ann.nextTask(projectId, "i4", "i2", "i3"), "nothing listed is left for ann");
    }

    @Test
    void nextTaskForAnUnknownProjectIsNotFound() {
        TestAnnotator ann = registerAnnotator("ann");
        String projectId = newProjectId();

        assertRefused(Status.Code.NOT_FOUND, () -> ann.nextTask(projectId), projectId);
    }

    @Test
    void nextTaskWithAMalformedProjectIdIsInvalid() {
        TestAnnotator ann = registerAnnotator("ann");

        assertRefused(Status.Code.INVALID_ARGUMENT, () -> ann.nextTask("Bad_Project"), "project_id", "Bad_Project");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> ann.nextTask("ok-project", ""), "only_item_ids[0]");
    }

    private GetItemResultResponse itemResult(String projectId, String itemId) {
        return crowd.getItemResult(GetItemResultRequest.newBuilder().setProjectId(projectId).setItemId(itemId).build());
    }
}
