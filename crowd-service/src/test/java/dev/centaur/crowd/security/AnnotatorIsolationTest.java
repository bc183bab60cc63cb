package dev.centaur.crowd.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.centaur.common.v1.ItemContent;
import dev.centaur.crowd.v1.ControlItem;
import dev.centaur.crowd.v1.CrowdProject;
import dev.centaur.crowd.v1.NextTaskResponse;
import dev.centaur.crowd.v1.Task;
import dev.centaur.crowd.v1.UploadControlItemsRequest;
import dev.centaur.crowd.v1.UpsertProjectRequest;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** With auth on, an annotator works on their own tasks only and never sees a control item's known label. */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class AnnotatorIsolationTest extends AuthTestSupport {

    /** What a Task may carry: the assignment, the item to label, the label set and the instructions. */
    private static final Set<String> TASK_FIELDS = Set.of("assignment_id", "project_id", "item_id", "content",
            "labels", "instructions", "lease_expires_at_epoch_ms");

    @Test
    void submitAnswerForAnotherAnnotatorsTaskIsRefusedAndWritesNothing() {
        String projectId = newProjectId();
        serviceCreatesProject(projectId, 2, new String[] {"pos", "neg"}, "item-1");
        TestAnnotator alice = adminRegisters("alice");
        TestAnnotator bob = adminRegisters("bob");
        Task alicesTask = alice.nextTask(projectId);

        assertRefused(Status.Code.FAILED_PRECONDITION, () -> bob.answer(alicesTask.getAssignmentId(), "pos"),
                alicesTask.getAssignmentId(), "another annotator");

        assertEquals(0, db.answers(projectId));
        assertEquals(1, alice.answer(alicesTask.getAssignmentId(), "neg").getItemAnswers(), "still alice's to answer");
    }

    @Test
    void nextTaskNeverHandsOutAnotherAnnotatorsHeldTask() {
        String projectId = newProjectId();
        serviceCreatesProject(projectId, 1, new String[] {"pos", "neg"}, "only-item");
        TestAnnotator alice = adminRegisters("alice");
        TestAnnotator bob = adminRegisters("bob");

        Task alicesTask = alice.nextTask(projectId);
        assertNotNull(alicesTask);
        assertEquals(null, bob.nextTask(projectId), "the item's one slot is alice's");
        assertEquals(alicesTask.getAssignmentId(), alice.nextTask(projectId).getAssignmentId(),
                "alice's retry gets her own task back");
        assertEquals(alice.annotatorId(), db.text("SELECT annotator_id FROM crowd.assignment WHERE assignment_id = ?",
                alicesTask.getAssignmentId()));
    }

    @Test
    void aTaskCarriesNoKnownLabelAndAControlTaskLooksLikeAnyOther() {
        String projectId = newProjectId();
        String secretLabel = "neg";
        asService().upsertProject(UpsertProjectRequest.newBuilder().setProject(CrowdProject.newBuilder()
                .setProjectId(projectId).addAllLabels(List.of("pos", secretLabel)).setInstructions("Pick the label")
                .setOverlap(1).setControlRate(0.99)).build());
        asAdmin().uploadControlItems(UploadControlItemsRequest.newBuilder().setProjectId(projectId)
                .addItems(ControlItem.newBuilder().setItemId("gold-1")
                        .setContent(ItemContent.newBuilder().setText("a control text")).setLabel(secretLabel))
                .build());
        TestAnnotator ann = adminRegisters("ann");

        NextTaskResponse response = ann.stub().nextTask(dev.centaur.crowd.v1.NextTaskRequest.newBuilder()
                .setProjectId(projectId).build());

        Task task = response.getTask();
        assertEquals("gold-1", task.getItemId(), "at this control rate the first task is the control item");
        for (FieldDescriptor field : Task.getDescriptor().getFields()) {
            assertEquals(true, TASK_FIELDS.contains(field.getName()),
                    "Task gained field " + field.getName() + ": make sure it reveals no known or other answer");
        }
        assertEquals(List.of("pos", secretLabel), task.getLabelsList(), "all labels, in the project's order");
        assertFalse(task.getContent().toString().contains(secretLabel));
        assertFalse(task.getInstructions().contains(secretLabel));
        assertNotEquals(0, task.getLeaseExpiresAtEpochMs());
        assertEquals(response.getUnknownFields().asMap().size(), 0);
    }
}
