package dev.centaur.qc.repository;

import dev.centaur.qc.service.Review;
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
     * Locks the oldest open review (unanswered, never leased or lease expired) that the expert may
     * take: none of whose item's other rounds is theirs, so one expert never reviews an item twice.
     * SKIP LOCKED lets concurrent experts pass over rows another transaction is leasing, so none get
     * the same one.
     */
    public Optional<Review> lockOldestOpen(String expertId, Optional<String> projectId, Instant now) {
        String projectFilter = projectId.isPresent() ? "AND r.project_id = :projectId" : "";
        Query query = getEntityManager().createNativeQuery("""
                        SELECT r.* FROM qc.review r
                        WHERE r.answered_at IS NULL
                          AND (r.lease_expires_at IS NULL OR r.lease_expires_at <= :now)
                          AND NOT EXISTS (SELECT 1 FROM qc.review other
                                          WHERE other.offered_label_id = r.offered_label_id
                                            AND other.review_id <> r.review_id
                                            AND other.expert_id = :expertId)
                          %s
                        ORDER BY r.created_at, r.offered_label_id, r.round
                        LIMIT 1
                        FOR UPDATE OF r SKIP LOCKED""".formatted(projectFilter), Review.class)
                .setParameter("now", now)
                .setParameter("expertId", expertId);
        projectId.ifPresent(id -> query.setParameter("projectId", id));
        return query.getResultList().stream().findFirst().map(Review.class::cast);
    }

    /** Every review round of one sampled label. */
    public List<Review> roundsOf(long offeredLabelId) {
        return list("offeredLabelId = ?1 order by round", offeredLabelId);
    }

    /** The review, locked against concurrent answers and leases until the transaction ends. */
    public Optional<Review> findForUpdate(UUID reviewId) {
        return findByIdOptional(reviewId, LockModeType.PESSIMISTIC_WRITE);
    }
}
