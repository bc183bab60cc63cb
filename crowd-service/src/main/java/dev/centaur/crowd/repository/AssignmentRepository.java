package dev.centaur.crowd.repository;

import dev.centaur.crowd.service.Assignment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, String> {

    /** The annotator's unanswered assignment in the project whose lease runs past {@code now}, if any. */
    public Optional<Assignment> findLiveUnanswered(String annotatorId, String projectId, Instant now) {
        return find("""
                from Assignment a
                where a.annotatorId = ?1 and a.projectId = ?2 and a.leaseExpiresAt > ?3
                  and not exists (from Answer an where an.assignmentId = a.assignmentId)
                order by a.assignedAt""", annotatorId, projectId, now).firstResultOptional();
    }

    /** Deletes the annotator's unanswered-or-discarded assignments on the project's open ordinary items. */
    public int deleteOpenAssignmentsOf(String annotatorId, String projectId) {
        return getEntityManager().createNativeQuery("""
                DELETE FROM {h-schema}assignment a USING {h-schema}item i
                 WHERE a.item_pk = i.id AND a.annotator_id = :annotatorId AND i.project_id = :projectId
                   AND i.completed_at IS NULL AND i.control_label IS NULL
                   AND NOT EXISTS (SELECT 1 FROM {h-schema}answer an WHERE an.assignment_id = a.assignment_id)""")
                .setParameter("annotatorId", annotatorId)
                .setParameter("projectId", projectId)
                .executeUpdate();
    }

    /**
     * Deletes the annotator's unanswered assignments on items not yet completed, in every project,
     * so their slots go back to the pool (a revoked annotator's tasks).
     */
    public int deleteUnansweredAssignmentsOf(String annotatorId) {
        return getEntityManager().createNativeQuery("""
                DELETE FROM {h-schema}assignment a USING {h-schema}item i
                 WHERE a.item_pk = i.id AND a.annotator_id = :annotatorId AND i.completed_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM {h-schema}answer an WHERE an.assignment_id = a.assignment_id)""")
                .setParameter("annotatorId", annotatorId)
                .executeUpdate();
    }

    /** Assignments the annotator got in the project: all of them, and those on control items. */
    public long[] countForAnnotator(String annotatorId, String projectId) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE i.control_label IS NOT NULL)
                  FROM {h-schema}assignment a JOIN {h-schema}item i ON i.id = a.item_pk
                 WHERE a.annotator_id = :annotatorId AND a.project_id = :projectId""")
                .setParameter("annotatorId", annotatorId)
                .setParameter("projectId", projectId)
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }
}
