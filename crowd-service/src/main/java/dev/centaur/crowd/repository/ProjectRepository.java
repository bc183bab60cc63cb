package dev.centaur.crowd.repository;

import dev.centaur.crowd.service.Project;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, String> {

    /**
     * Creates the project unless it exists; true when this call created it. A plain persist would
     * fail with a key violation when two replicas create the same project at once.
     */
    public boolean insertIfAbsent(String projectId, String[] labels, String instructions, int overlap, Instant now) {
        int inserted = getSession().createNativeMutationQuery("""
                INSERT INTO {h-schema}project (project_id, labels, instructions, overlap, created_at, updated_at)
                VALUES (:projectId, :labels, :instructions, :overlap, :now, :now)
                ON CONFLICT (project_id) DO NOTHING""")
                .setParameter("projectId", projectId)
                .setParameter("labels", labels, String[].class)
                .setParameter("instructions", instructions)
                .setParameter("overlap", overlap)
                .setParameter("now", now)
                .executeUpdate();
        return inserted == 1;
    }
}
