package dev.centaur.crowd.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.v1.CrowdProject;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** UpsertProject's issue-4 settings: aggregation method, dynamic overlap, control rate and minimum skill. */
@QuarkusTest
class ProjectSettingsRpcTest extends CrowdTestSupport {

    @Test
    void aProjectWithoutNewSettingsAggregatesWithDawidSkeneAtAFixedOverlap() {
        String projectId = newProjectId();

        CrowdProject project = upsertProject(projectId, 3, "a", "b");

        assertEquals("DS", project.getAggregationMethod());
        assertEquals(3, project.getMaxOverlap());
        assertEquals(0, project.getConfidenceTarget());
        assertEquals(0, project.getControlRate());
        assertEquals(0, project.getMinSkill());
        assertEquals("DS", db.text("SELECT aggregation_method FROM crowd.project WHERE project_id = ?", projectId));
    }

    @Test
    void upsertProjectStoresEveryNewSettingAndARepeatChangesNothing() {
        String projectId = newProjectId();
        CrowdProject.Builder settings = project(projectId, 2, "a", "b").setAggregationMethod("GLAD").setMaxOverlap(5)
                .setConfidenceTarget(0.9).setControlRate(0.2).setMinSkill(0.6);

        CrowdProject created = upsertProject(settings);
        String updatedAt = db.text("SELECT updated_at::text FROM crowd.project WHERE project_id = ?", projectId);
        CrowdProject repeated = upsertProject(settings);

        assertEquals(settings.build(), created);
        assertEquals(created, repeated);
        assertEquals(updatedAt, db.text("SELECT updated_at::text FROM crowd.project WHERE project_id = ?", projectId));
        assertEquals("GLAD|5|0.9|0.2|0.6", db.text("SELECT aggregation_method || '|' || max_overlap || '|' || "
                + "confidence_target || '|' || control_rate || '|' || min_skill FROM crowd.project WHERE project_id = ?",
                projectId));
    }

    @Test
    void upsertProjectRefusesBadNewSettingsAndWritesNothing() {
        String projectId = newProjectId();

        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(project(projectId, 2, "a", "b")
                .setAggregationMethod("KOS")), "project.aggregation_method", "'KOS'");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(project(projectId, 3, "a", "b")
                .setMaxOverlap(2)), "project.max_overlap", "2");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(project(projectId, 3, "a", "b")
                .setMaxOverlap(21)), "project.max_overlap", "21");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(project(projectId, 2, "a", "b")
                .setConfidenceTarget(1.5)), "project.confidence_target", "1.5");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(project(projectId, 2, "a", "b")
                .setConfidenceTarget(Double.NaN)), "project.confidence_target", "NaN");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(project(projectId, 2, "a", "b")
                .setControlRate(1)), "project.control_rate", "1.0");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> upsertProject(project(projectId, 2, "a", "b")
                .setMinSkill(-0.1)), "project.min_skill", "-0.1");
        assertEquals(0, db.projects(projectId));
    }
}
