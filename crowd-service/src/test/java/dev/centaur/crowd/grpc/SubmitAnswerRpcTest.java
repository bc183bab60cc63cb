package dev.centaur.crowd.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.v1.Task;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SubmitAnswer's refusals: each names the assignment or label and stores no answer. */
@QuarkusTest
class SubmitAnswerRpcTest extends CrowdTestSupport {

    private String projectId;
    private TestAnnotator ann;
    private Task task;

    @BeforeEach
    void assignATask() {
        projectId = newProjectId();
        upsertProject(projectId, 2, "pos", "neg");
        enqueueTexts(projectId, "item-1");
        ann = registerAnnotator("ann");
        task = ann.nextTask(projectId);
    }

    @Test
    void submitAnswerFromAnAnnotatorTheTaskWasNotGivenToIsRefused() {
        TestAnnotator bob = registerAnnotator("bob");

        assertRefused(Status.Code.FAILED_PRECONDITION, () -> bob.answer(task.getAssignmentId(), "pos"),
                task.getAssignmentId(), "another annotator");
        assertEquals(0, db.answers(projectId));
    }

    @Test
    void secondAnswerToTheSameTaskIsRefused() {
        ann.answer(task.getAssignmentId(), "pos");

        assertRefused(Status.Code.FAILED_PRECONDITION, () -> ann.answer(task.getAssignmentId(), "neg"),
                task.getAssignmentId(), "already answered");
        assertEquals(1, db.answers(projectId));
        assertEquals("pos", db.text("SELECT label FROM crowd.answer WHERE assignment_id = ?", task.getAssignmentId()));
    }

    @Test
    void submitAnswerToAnUnknownAssignmentIsNotFound() {
        assertRefused(Status.Code.NOT_FOUND, () -> ann.answer("no-such-assignment", "pos"),
                "assignment_id", "no-such-assignment");
        assertEquals(0, db.answers(projectId));
    }

    @Test
    void submitAnswerWithALabelOutsideTheProjectIsInvalid() {
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> ann.answer(task.getAssignmentId(), "maybe"),
                "label", "'maybe'", "[pos, neg]");
        assertEquals(0, db.answers(projectId));

        assertEquals(1, ann.answer(task.getAssignmentId(), "neg").getItemAnswers(), "the task is still open");
    }

    @Test
    void submitAnswerRefusesEmptyFields() {
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> ann.answer(task.getAssignmentId(), ""), "label");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> ann.answer("", "pos"), "assignment_id", "''");
        assertEquals(0, db.answers(projectId));
    }
}
