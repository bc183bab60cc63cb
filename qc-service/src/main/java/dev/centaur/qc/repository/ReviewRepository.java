package dev.centaur.qc.repository;

import dev.centaur.qc.service.FinalLabelSource;
import dev.centaur.qc.service.Review;
import dev.centaur.qc.service.SourceTally;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<Review, UUID> {

    /**
     * Serialises NextReview calls of one expert until the transaction ends, so two concurrent calls
     * cannot lease two reviews to the same expert.
     */
    public void lockExpert(String expertId) {
        getEntityManager()
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:expertId, 0))")
                .setParameter("expertId", expertId)
                .getSingleResult();
    }

    /** The unanswered review the expert holds under a live lease (within the project, if given). */
    public Optional<Review> findHeldBy(String expertId, Optional<String> projectId, Instant now) {
        Parameters parameters = Parameters.with("expertId", expertId).and("now", now);
        String query = "expertId = :expertId and answeredAt is null and leaseExpiresAt > :now";
        if (projectId.isPresent()) {
            query += " and projectId = :projectId";
            parameters.and("projectId", projectId.get());
        }
        return find(query + " order by leaseExpiresAt", parameters).firstResultOptional();
    }

    /**
     * Locks the oldest open review (unanswered, never leased or lease expired). SKIP LOCKED lets
     * concurrent experts pass over rows another transaction is leasing, so none get the same one.
     */
    public Optional<Review> lockOldestOpen(Optional<String> projectId, Instant now) {
        String projectFilter = projectId.isPresent() ? "AND project_id = :projectId" : "";
        Query query = getEntityManager().createNativeQuery("""
                        SELECT * FROM qc.review
                        WHERE answered_at IS NULL
                          AND (lease_expires_at IS NULL OR lease_expires_at <= :now)
                          %s
                        ORDER BY created_at, offered_label_id
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED""".formatted(projectFilter), Review.class)
                .setParameter("now", now);
        projectId.ifPresent(id -> query.setParameter("projectId", id));
        return query.getResultList().stream().findFirst().map(Review.class::cast);
    }

    /** The review, locked against concurrent answers and leases until the transaction ends. */
    public Optional<Review> findForUpdate(UUID reviewId) {
        return findByIdOptional(reviewId, LockModeType.PESSIMISTIC_WRITE);
    }

    public long countSampled(String projectId) {
        return count("projectId", projectId);
    }

    /** Answered reviews per project and source: of one project, or of all when none is given. */
    public List<SourceTally> answeredTallies(Optional<String> projectId) {
        String projectFilter = projectId.isPresent() ? "AND r.project_id = :projectId" : "";
        Query query = getEntityManager().createNativeQuery("""
                SELECT r.project_id, o.source, COUNT(*), COUNT(*) FILTER (WHERE r.final_label_correct)
                FROM qc.review r JOIN qc.offered_label o ON o.id = r.offered_label_id
                WHERE r.answered_at IS NOT NULL %s
                GROUP BY r.project_id, o.source
                ORDER BY r.project_id, o.source""".formatted(projectFilter), Object[].class);
        projectId.ifPresent(id -> query.setParameter("projectId", id));
        List<?> rows = query.getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new SourceTally(
                (String) row[0],
                FinalLabelSource.valueOf((String) row[1]),
                ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue())).toList();
    }
}
