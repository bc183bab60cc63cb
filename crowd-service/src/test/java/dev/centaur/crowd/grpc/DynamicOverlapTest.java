package dev.centaur.crowd.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.v1.GetItemResultRequest;
import dev.centaur.crowd.v1.GetItemResultResponse;
import dev.centaur.crowd.v1.SubmitAnswerResponse;
import dev.centaur.crowd.v1.Task;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Items get overlap answers, then one more at a time until the aggregate is confident or max_overlap is reached. */
@QuarkusTest
class DynamicOverlapTest extends CrowdTestSupport {

    @Test
    void anItemWhoseAnswersAgreeCompletesAtTheMinimumOverlap() {
        String projectId = newProjectId();
        upsertProject(project(projectId, 2, "a", "b").setAggregationMethod("MV").setMaxOverlap(4)
                .setConfidenceTarget(0.9));
        enqueueTexts(projectId, "clear");

        answer(projectId, "a");
        answer(projectId, "a");
        awaitEvaluated(projectId);

        GetItemResultResponse result = result(projectId, "clear");
        assertTrue(result.getCompleted());
        assertEquals(2, result.getAnswersUsed());
        assertEquals(1.0, result.getConfidence(), 1e-9);
        assertNull(registerAnnotator("late").nextTask(projectId), "a completed item is offered to no one");
    }

    @Test
    void anUnsureItemGetsOneMoreAnswerAtATimeUntilMaxOverlap() {
        String projectId = newProjectId();
        upsertProject(project(projectId, 2, "a", "b").setAggregationMethod("MV").setMaxOverlap(4)
                .setConfidenceTarget(0.9));
        enqueueTexts(projectId, "disputed");

        answer(projectId, "a");
        answer(projectId, "b");
        awaitEvaluated(projectId);
        assertFalse(result(projectId, "disputed").getCompleted(), "1/2 is below the 0.9 target");
        TestAnnotator third = registerAnnotator("third");
        Task thirdTask = third.nextTask(projectId);
        assertNotNull(thirdTask, "the unsure item wants a third answer");
        assertNull(registerAnnotator("fourth-too-early").nextTask(projectId),
                "only one extra slot opens at a time");
        third.answer(thirdTask.getAssignmentId(), "a");
        awaitEvaluated(projectId);
        assertFalse(result(projectId, "disputed").getCompleted(), "2/3 is still below 0.9");
        answer(projectId, "a");
        awaitEvaluated(projectId);

        GetItemResultResponse result = result(projectId, "disputed");
        assertTrue(result.getCompleted(), "max_overlap 4 reached");
        assertEquals(4, result.getAnswers());
        assertEquals(4, result.getAnswersUsed());
        assertEquals("a", result.getLabel());
        assertEquals(0.75, result.getConfidence(), 1e-9);
        assertEquals(1, db.outboxRows(projectId));
    }

    @Test
    void withoutAConfidenceTargetTheItemCompletesAtTheOverlap() {
        String projectId = newProjectId();
        upsertProject(project(projectId, 2, "a", "b").setAggregationMethod("MV").setMaxOverlap(4));
        enqueueTexts(projectId, "x");

        answer(projectId, "a");
        answer(projectId, "b");
        awaitEvaluated(projectId);

        assertTrue(result(projectId, "x").getCompleted());
        assertEquals(2, result(projectId, "x").getAnswersUsed());
    }

    @Test
    void dawidSkeneCompletesItemsWithTheProjectsMethodName() {
        String projectId = newProjectId();
        upsertProject(projectId, 2, "a", "b");
        enqueueTexts(projectId, "x");

        answer(projectId, "b");
        answer(projectId, "b");
        awaitEvaluated(projectId);

        GetItemResultResponse result = result(projectId, "x");
        assertEquals("DS", result.getMethod());
        assertEquals("b", result.getLabel());
    }

    private SubmitAnswerResponse answer(String projectId, String label) {
        TestAnnotator annotator = registerAnnotator("annotator");
        Task task = annotator.nextTask(projectId);
        assertNotNull(task, "a task for a new annotator");
        return annotator.answer(task.getAssignmentId(), label);
    }

    private GetItemResultResponse result(String projectId, String itemId) {
        return crowd.getItemResult(GetItemResultRequest.newBuilder().setProjectId(projectId).setItemId(itemId).build());
    }
}
