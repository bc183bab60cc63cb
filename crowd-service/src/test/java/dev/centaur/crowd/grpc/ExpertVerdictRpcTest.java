package dev.centaur.crowd.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.support.RecordingRouterResource;
import dev.centaur.crowd.v1.RecordExpertVerdictRequest;
import dev.centaur.crowd.v1.RecordExpertVerdictResponse;
import io.grpc.Status;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** RecordExpertVerdict: an expert's label on a completed item scores the item's annotators once. */
@QuarkusTest
@WithTestResource(value = RecordingRouterResource.class, scope = TestResourceScope.GLOBAL)
class ExpertVerdictRpcTest extends CrowdTestSupport {

    @Test
    void verdictScoresEachAnnotatorOfTheItemAndARepeatChangesNothing() {
        String projectId = newProjectId();
        upsertProject(projectId, 2, "a", "b");
        enqueueTexts(projectId, "item-1");
        TestAnnotator right = registerAnnotator("right");
        TestAnnotator wrong = registerAnnotator("wrong");
        TestAnnotator bystander = registerAnnotator("bystander");
        right.answer(right.nextTask(projectId).getAssignmentId(), "b");
        wrong.answer(wrong.nextTask(projectId).getAssignmentId(), "a");
        awaitEvaluated(projectId);
        assertEquals(1, db.completedItems(projectId));

        RecordExpertVerdictResponse first = crowd.recordExpertVerdict(verdict(projectId, "item-1", "b", 7));
        RecordExpertVerdictResponse repeat = crowd.recordExpertVerdict(verdict(projectId, "item-1", "b", 7));

        assertEquals(2, first.getAnnotatorsScored());
        assertFalse(first.getDuplicate());
        assertTrue(repeat.getDuplicate());
        assertEquals(0, repeat.getAnnotatorsScored());
        assertEquals("1|1", skillRecord(right.annotatorId(), projectId));
        assertEquals("1|0", skillRecord(wrong.annotatorId(), projectId));
        assertEquals(0, db.number("SELECT count(*) FROM crowd.annotator_skill WHERE annotator_id = ?",
                bystander.annotatorId()), "only annotators who answered the item are scored");
        assertEquals(1, db.number("SELECT count(*) FROM crowd.expert_verdict WHERE project_id = ?", projectId));
    }

    @Test
    void badVerdictsAreRefusedAndWriteNothing() {
        String projectId = newProjectId();
        upsertProject(projectId, 2, "a", "b");
        enqueueTexts(projectId, "done", "open");
        TestAnnotator first = registerAnnotator("first");
        TestAnnotator second = registerAnnotator("second");
        first.answer(first.nextTask(projectId, "done").getAssignmentId(), "a");
        second.answer(second.nextTask(projectId, "done").getAssignmentId(), "a");
        awaitEvaluated(projectId);

        assertRefused(Status.Code.NOT_FOUND, () -> crowd.recordExpertVerdict(verdict(newProjectId(), "done", "a", 1)),
                "project_id");
        assertRefused(Status.Code.NOT_FOUND, () -> crowd.recordExpertVerdict(verdict(projectId, "ghost", "a", 1)),
                "item_id", "'ghost'");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.recordExpertVerdict(verdict(projectId, "done", "zebra",
                1)), "expert_label", "'zebra'");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.recordExpertVerdict(verdict(projectId, "done", "a", 0)),
                "correction_sequence", "0");
        assertRefused(Status.Code.FAILED_PRECONDITION, () -> crowd.recordExpertVerdict(verdict(projectId, "open", "a",
                1)), "item_id", "'open'");

        assertEquals(0, db.number("SELECT count(*) FROM crowd.expert_verdict WHERE project_id = ?", projectId));
        assertEquals(0, db.number("SELECT count(*) FROM crowd.annotator_skill WHERE project_id = ?", projectId));
    }

    private String skillRecord(String annotatorId, String projectId) {
        return db.text("SELECT control_answers || '|' || control_correct FROM crowd.annotator_skill"
                + " WHERE annotator_id = ? AND project_id = ?", annotatorId, projectId);
    }

    private static RecordExpertVerdictRequest verdict(String projectId, String itemId, String label, long sequence) {
        return RecordExpertVerdictRequest.newBuilder().setProjectId(projectId).setItemId(itemId)
                .setExpertLabel(label).setCorrectionSequence(sequence).build();
    }
}
