package dev.centaur.router.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;

/** The qc verdicts router has pulled: one row per decided verdict, keyed by qc's sequence. */
@ApplicationScoped
public class QcVerdictRepository {

    /** One verdict as qc reported it, for the final label it reviewed. */
    public record StoredVerdict(String projectId, long sequence, String itemId, String reviewedLabel,
            String reviewedSource, String expertLabel, String result, int reviews, Instant decidedAt) {
    }

    /** Reviews done and labels reviewed in one project. */
    public record ReviewCounts(long reviews, long reviewedLabels) {
    }

    @Inject
    EntityManager entityManager;

    /** @return false when this verdict was stored before (nothing written) */
    public boolean insertIfAbsent(StoredVerdict verdict) {
        return entityManager.createNativeQuery("""
                INSERT INTO qc_verdict (project_id, sequence, item_id, reviewed_label, reviewed_source, expert_label,
                    result, reviews, decided_at, pulled_at)
                VALUES (:projectId, :sequence, :itemId, :reviewedLabel, :reviewedSource, :expertLabel,
                    :result, :reviews, :decidedAt, now())
                ON CONFLICT (project_id, sequence) DO NOTHING
                """)
                .setParameter("projectId", verdict.projectId())
                .setParameter("sequence", verdict.sequence())
                .setParameter("itemId", verdict.itemId())
                .setParameter("reviewedLabel", verdict.reviewedLabel())
                .setParameter("reviewedSource", verdict.reviewedSource())
                .setParameter("expertLabel", verdict.expertLabel())
                .setParameter("result", verdict.result())
                .setParameter("reviews", verdict.reviews())
                .setParameter("decidedAt", Timestamp.from(verdict.decidedAt()))
                .executeUpdate() == 1;
    }

    public ReviewCounts countsForProject(String projectId) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                SELECT coalesce(sum(reviews), 0), count(*) FROM qc_verdict WHERE project_id = :projectId
                """)
                .setParameter("projectId", projectId)
                .getSingleResult();
        return new ReviewCounts(ItemRepository.asLong(row[0]), ItemRepository.asLong(row[1]));
    }
}
