package dev.centaur.qc.repository;

import dev.centaur.qc.service.Project;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, String> {

    /**
     * Creates the project on its first Offer, or updates its label set when it changed. The insert
     * is ON CONFLICT DO NOTHING so that concurrent first offers of one project cannot collide.
     */
    public Project upsertLabels(String projectId, List<String> labels, Instant now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO qc.project (project_id, labels, created_at, updated_at)
                        VALUES (:projectId, '{}', :now, :now)
                        ON CONFLICT (project_id) DO NOTHING""")
                .setParameter("projectId", projectId)
                .setParameter("now", now)
                .executeUpdate();
        Project project = findById(projectId);
        if (!labels.equals(project.labels)) {
            project.labels = new ArrayList<>(labels);
            project.updatedAt = now;
        }
        return project;
    }

    /** Locks the project's row until commit and reloads it, so decisions about it happen one at a time. */
    public void lockAndRefresh(Project project) {
        getEntityManager().refresh(project, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean exists(String projectId) {
        return count("projectId", projectId) > 0;
    }
}
