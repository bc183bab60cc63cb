package dev.centaur.crowd.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.support.RecordingRouterResource;
import dev.centaur.crowd.v1.ControlItem;
import dev.centaur.crowd.v1.GetItemResultRequest;
import dev.centaur.crowd.v1.GetItemResultResponse;
import dev.centaur.crowd.v1.Task;
import dev.centaur.crowd.v1.UploadControlItemsRequest;
import dev.centaur.crowd.v1.UploadControlItemsResponse;
import io.grpc.Status;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** UploadControlItems, control tasks mixed into annotators' work, skills, and suspension of weak annotators. */
@QuarkusTest
@WithTestResource(value = RecordingRouterResource.class, scope = TestResourceScope.GLOBAL)
class ControlTaskTest extends CrowdTestSupport {

    @Test
    void uploadControlItemsAddsThemAndARepeatIsADuplicate() {
        String projectId = newProjectId();
        upsertProject(projectId, 2, "a", "b");
        UploadControlItemsRequest request = upload(projectId, "gold-1", "a", "gold-2", "b");

        UploadControlItemsResponse first = crowd.uploadControlItems(request);
        UploadControlItemsResponse repeat = crowd.uploadControlItems(request);

        assertEquals(2, first.getUploaded());
        assertEquals(0, repeat.getUploaded());
        assertEquals(2, repeat.getDuplicates());
        assertEquals(2, db.number("SELECT count(*) FROM crowd.item WHERE project_id = ? AND control_label IS NOT NULL",
                projectId));
    }

    @Test
    void uploadControlItemsRefusesBadInputAndWritesNothing() {
        String projectId = newProjectId();
        upsertProject(projectId, 2, "a", "b");
        enqueueTexts(projectId, "ordinary");
        crowd.uploadControlItems(upload(projectId, "gold-1", "a"));

        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.uploadControlItems(upload(projectId, "new-1", "a",
                "new-2", "zebra")), "items[1].label", "'zebra'");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.uploadControlItems(upload(projectId, "new-1", "")),
                "items[0].label");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.uploadControlItems(upload(projectId, "new-1", "a",
                "new-1", "a")), "items[1].item_id", "'new-1'");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.uploadControlItems(UploadControlItemsRequest
                .newBuilder().setProjectId(projectId).build()), "items", "0");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.uploadControlItems(UploadControlItemsRequest
                .newBuilder().setProjectId(projectId).addItems(ControlItem.newBuilder().setItemId("new-1")
                        .setLabel("a")).build()), "items[0].content");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.uploadControlItems(upload("Bad!", "new-1", "a")),
                "project_id", "Bad!");
        String unknown = newProjectId();
        assertRefused(Status.Code.NOT_FOUND, () -> crowd.uploadControlItems(upload(unknown, "new-1", "a")), unknown);
        assertRefused(Status.Code.ALREADY_EXISTS, () -> crowd.uploadControlItems(upload(projectId, "new-1", "a",
                "gold-1", "b")), "items[1].item_id", "'gold-1'", "labelled 'a'");
        assertRefused(Status.Code.ALREADY_EXISTS, () -> crowd.uploadControlItems(upload(projectId, "ordinary", "a")),
                "'ordinary'", "ordinary item");

        assertEquals(2, db.items(projectId), "only the ordinary item and gold-1");
    }

    @Test
    void controlTasksComeAtTheProjectsRateLookLikeOtherTasksAndNeverComplete() {
        String projectId = newProjectId();
        upsertProject(project(projectId, 1, "a", "b").setControlRate(0.5));
        crowd.uploadControlItems(upload(projectId, "gold-1", "a", "gold-2", "b"));
        enqueueTexts(projectId, "item-1", "item-2");
        TestAnnotator ann = registerAnnotator("ann");

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            Task task = ann.nextTask(projectId);
            assertNotNull(task);
            assertEquals("Pick the label", task.getInstructions(), "same shape as any task");
            assertEquals(2, task.getLabelsCount());
            assertFalse(task.getContent().getText().isEmpty());
            seen.add(task.getItemId());
            ann.answer(task.getAssignmentId(), "a");
        }
        awaitEvaluated(projectId);

        assertEquals(Set.of("gold-1", "item-1", "gold-2", "item-2"), seen, "half of the tasks were control tasks");
        GetItemResultResponse gold = crowd.getItemResult(GetItemResultRequest.newBuilder().setProjectId(projectId)
                .setItemId("gold-1").build());
        assertFalse(gold.getCompleted());
        assertEquals(0, db.number("SELECT count(*) FROM crowd.item WHERE project_id = ? AND control_label IS NOT NULL"
                + " AND (evaluation_due_at IS NOT NULL OR completed_at IS NOT NULL)", projectId),
                "a control answer never makes its item due nor completes it");
        assertEquals(2, db.outboxRows(projectId), "only the two ordinary items are reported");
        assertEquals(0, db.number("SELECT count(*) FROM crowd.result_outbox WHERE project_id = ? AND item_id LIKE"
                + " 'gold%'", projectId));
        assertEquals("2|1", db.text("SELECT control_answers || '|' || control_correct FROM crowd.annotator_skill"
                + " WHERE annotator_id = ? AND project_id = ?", ann.annotatorId(), projectId));
    }

    @Test
    void controlSkillsDecideADisagreementBetweenTwoAnnotators() {
        String projectId = newProjectId();
        upsertProject(project(projectId, 2, "a", "b").setControlRate(0.5));
        crowd.uploadControlItems(upload(projectId, "gold-1", "b"));
        enqueueTexts(projectId, "item-1");
        TestAnnotator expert = registerAnnotator("expert");
        TestAnnotator novice = registerAnnotator("novice");

        expert.answer(expert.nextTask(projectId).getAssignmentId(), "b");
        novice.answer(novice.nextTask(projectId).getAssignmentId(), "a");
        expert.answer(expert.nextTask(projectId).getAssignmentId(), "b");
        novice.answer(novice.nextTask(projectId).getAssignmentId(), "a");
        awaitEvaluated(projectId);

        GetItemResultResponse result = crowd.getItemResult(GetItemResultRequest.newBuilder().setProjectId(projectId)
                .setItemId("item-1").build());
        assertTrue(result.getCompleted());
        assertEquals("b", result.getLabel(), "a tie the answers alone would give to 'a' goes to the skilled annotator");
        assertEquals("DS", result.getMethod());
    }

    @Test
    void anAnnotatorBelowTheMinimumSkillIsSuspendedAndTheirOpenAnswersAreDiscarded() {
        String projectId = newProjectId();
        upsertProject(project(projectId, 2, "a", "b").setControlRate(0.5).setMinSkill(0.7));
        crowd.uploadControlItems(upload(projectId, "gold-1", "a", "gold-2", "a", "gold-3", "a", "gold-4", "a",
                "gold-5", "a"));
        enqueueTexts(projectId, "item-1", "item-2", "item-3", "item-4");
        TestAnnotator spammer = registerAnnotator("spammer");

        // Alternating control and ordinary tasks; every control answer is wrong. After the fifth,
        // the smoothed skill (0 + 4) / (5 + 5) = 0.4 is below 0.7.
        int ordinaryAnswers = 0;
        for (int i = 0; i < 9; i++) {
            Task task = spammer.nextTask(projectId);
            assertNotNull(task, "task " + i);
            ordinaryAnswers += task.getItemId().startsWith("item") ? 1 : 0;
            spammer.answer(task.getAssignmentId(), "b");
        }
        assertEquals(4, ordinaryAnswers);

        assertRefused(Status.Code.PERMISSION_DENIED, () -> spammer.nextTask(projectId), spammer.annotatorId(),
                "suspended", projectId);
        assertEquals(0, db.answers(projectId) - db.number("SELECT count(*) FROM crowd.answer an JOIN crowd.item i"
                + " ON i.id = an.item_pk WHERE i.project_id = ? AND i.control_label IS NOT NULL", projectId),
                "the spammer's answers to open items are gone");
        TestAnnotator honest = registerAnnotator("honest");
        Set<String> requeued = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            Task task = honest.nextTask(projectId);
            if (task.getItemId().startsWith("item")) {
                requeued.add(task.getItemId());
            }
            honest.answer(task.getAssignmentId(), "a");
        }
        assertEquals(Set.of("item-1", "item-2", "item-3", "item-4"), requeued, "every discarded item is offered again");
        awaitEvaluated(projectId);
        assertEquals(0, db.outboxRows(projectId), "nothing completed on the spammer's answers");
    }

    /** An upload request of (item id, label) pairs with text content. */
    private static UploadControlItemsRequest upload(String projectId, String... idsAndLabels) {
        UploadControlItemsRequest.Builder request = UploadControlItemsRequest.newBuilder().setProjectId(projectId);
        for (int i = 0; i < idsAndLabels.length; i += 2) {
            request.addItems(ControlItem.newBuilder().setItemId(idsAndLabels[i])
                    .setContent(ItemContent.newBuilder().setText("text of " + idsAndLabels[i]))
                    .setLabel(idsAndLabels[i + 1]));
        }
        return request.build();
    }
}
