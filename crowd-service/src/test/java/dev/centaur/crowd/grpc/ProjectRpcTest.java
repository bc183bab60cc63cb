package dev.centaur.crowd.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.v1.CrowdProject;
import dev.centaur.crowd.v1.GetItemResultRequest;
import dev.centaur.crowd.v1.GetItemResultResponse;
import dev.centaur.crowd.v1.UpsertProjectRequest;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UpsertProject and GetItemResult: creation, idempotent repeats, updates and every bad input. */
@QuarkusTest
class ProjectRpcTest extends CrowdTestSupport {

    @Test
    void upsertProjectCreatesTheProject() {
        String projectId = newProjectId();

        CrowdProject project = upsertProject(projectId, 3, "pos", "neg", "neutral");

        assertEquals(projectId, project.getProjectId());
        assertEquals(List.of("pos", "neg", "neutral"), project.getLabelsList());
        assertEquals("Pick the label", project.getInstructions());
        assertEquals(3, project.getOverlap());
        assertEquals(1, db.projects(projectId));
    }

    @Test
    void upsertProjectRepeatChangesNothing() {
        String projectId = newProjectId();
        CrowdProject first = upsertProject(projectId, 3, "pos", "neg");
        String updatedAt = db.text("SELECT updated_at::text FROM crowd.project WHERE project_id = ?", projectId);

        CrowdProject repeat = upsertProject(projectId, 3, "pos", "neg");

        assertEquals(first, repeat);
        assertEquals(1, db.projects(projectId));
        assertEquals(updatedAt, db.text("SELECT updated_at::text FROM crowd.project WHERE project_id = ?", projectId));
    }

    @Test
    void upsertProjectUpdatesInstructionsAndOverlap() {
        String projectId = newProjectId();
        upsertProject(projectId, 3, "pos", "neg");

        CrowdProject updated = crowd.upsertProject(request(projectId, 5, "Read twice", "pos", "neg")).getProject();

        assertEquals(5, updated.getOverlap());
        assertEquals("Read twice", updated.getInstructions());
        assertEquals(5, db.number("SELECT overlap FROM crowd.project WHERE project_id = ?", projectId));
    }

    @Test
    void labelsMayChangeWhileTheProjectHasNoItems() {
        String projectId = newProjectId();
        upsertProject(projectId, 3, "pos", "neg");

        CrowdProject updated = upsertProject(projectId, 3, "yes", "no");

        assertEquals(List.of("yes", "no"), updated.getLabelsList());
    }

    @Test
    void labelsCannotChangeOnceTheProjectHasItems() {
        String projectId = newProjectId();
        upsertProject(projectId, 3, "pos", "neg");
        enqueueTexts(projectId, "item-1");

        assertRefused(Status.Code.FAILED_PRECONDITION, () -> upsertProject(projectId, 3, "neg", "pos"),
                projectId, "[pos, neg]", "[neg, pos]");
        assertEquals("{pos,neg}", db.text("SELECT labels::text FROM crowd.project WHERE project_id = ?", projectId));
    }

    @Test
    void upsertProjectRefusesMalformedProjectIds() {
        for (String bad : List.of("", "Upper", "-leading-dash", "has space", "under_score", "a".repeat(65))) {
            assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(bad, 3, "pos", "neg"),
                    "project.project_id", "'" + bad.substring(0, Math.min(bad.length(), 80)));
            assertEquals(0, db.projects(bad), "nothing written for " + bad);
        }
    }

    @Test
    void upsertProjectRefusesFewerThanTwoDistinctNonEmptyLabels() {
        String projectId = newProjectId();

        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(projectId, 3, "pos"),
                "project.labels", "[pos]");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(projectId, 3, "pos", "pos"),
                "project.labels[1]", "'pos'");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(projectId, 3, "pos", ""),
                "project.labels[1]", "empty");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(projectId, 3), "project.labels", "[]");
        assertEquals(0, db.projects(projectId));
    }

    @Test
    void upsertProjectRefusesOverlapOutsideOneToTwenty() {
        String projectId = newProjectId();

        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(projectId, 0, "pos", "neg"),
                "project.overlap", "0");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(projectId, 21, "pos", "neg"),
                "project.overlap", "21");
        assertEquals(0, db.projects(projectId));
    }

    @Test
    void refusedUpdateLeavesTheProjectAsItWas() {
        String projectId = newProjectId();
        upsertProject(projectId, 3, "pos", "neg");

        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(projectId, 25, "pos", "neg"),
                "project.overlap", "25");

        assertEquals(3, db.number("SELECT overlap FROM crowd.project WHERE project_id = ?", projectId));
    }

    @Test
    void getItemResultOfAnOpenItemShowsItsAnswersSoFar() {
        String projectId = newProjectId();
        upsertProject(projectId, 2, "a", "b");
        enqueueTexts(projectId, "item-1");
        TestAnnotator ann = registerAnnotator("ann");
        ann.answer(ann.nextTask(projectId).getAssignmentId(), "b");

        GetItemResultResponse result = crowd.getItemResult(GetItemResultRequest.newBuilder()
                .setProjectId(projectId).setItemId("item-1").build());

        assertEquals(1, result.getAnswers());
        assertEquals(false, result.getCompleted());
        assertEquals("", result.getLabel());
        assertEquals("", result.getMethod());
    }

    @Test
    void getItemResultOfUnknownProjectOrItemIsNotFound() {
        String projectId = newProjectId();
        assertRefused(Status.Code.NOT_FOUND, () -> crowd.getItemResult(GetItemResultRequest.newBuilder()
                .setProjectId(projectId).setItemId("item-1").build()), projectId);

        upsertProject(projectId, 2, "a", "b");
        assertRefused(Status.Code.NOT_FOUND, () -> crowd.getItemResult(GetItemResultRequest.newBuilder()
                .setProjectId(projectId).setItemId("no-such-item").build()), "no-such-item", projectId);
    }

    @Test
    void getItemResultRefusesMalformedIds() {
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.getItemResult(GetItemResultRequest.newBuilder()
                .setProjectId("Bad!").setItemId("item-1").build()), "project_id", "Bad!");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.getItemResult(GetItemResultRequest.newBuilder()
                .setProjectId("fine").setItemId("").build()), "item_id", "''");
    }

    @Test
    void loweringTheOverlapCompletesItemsThatAlreadyHaveEnoughAnswers() {
        String projectId = newProjectId();
        upsertProject(projectId, 3, "a", "b");
        enqueueTexts(projectId, "item-1");
        for (String name : List.of("ann", "bob")) {
            TestAnnotator annotator = registerAnnotator(name);
            annotator.answer(annotator.nextTask(projectId).getAssignmentId(), "b");
        }

        upsertProject(projectId, 2, "a", "b");

        GetItemResultResponse result = crowd.getItemResult(GetItemResultRequest.newBuilder()
                .setProjectId(projectId).setItemId("item-1").build());
        assertEquals(true, result.getCompleted());
        assertEquals("b", result.getLabel());
        assertEquals(1, db.outboxRows(projectId));
    }

    private static UpsertProjectRequest request(String projectId, int overlap, String instructions, String... labels) {
        return UpsertProjectRequest.newBuilder().setProject(CrowdProject.newBuilder().setProjectId(projectId)
                .addAllLabels(List.of(labels)).setInstructions(instructions).setOverlap(overlap)).build();
    }
}
