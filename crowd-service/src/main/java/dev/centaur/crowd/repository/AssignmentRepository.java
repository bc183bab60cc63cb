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
}
