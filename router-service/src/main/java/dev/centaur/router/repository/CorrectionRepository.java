package dev.centaur.router.repository;

import dev.centaur.router.service.FinalLabelEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The per-project cursors over qc's corrections, and the history of corrections applied. */
@ApplicationScoped
public class CorrectionRepository {

    @Inject
    EntityManager entityManager;

    @Inject
    QcFeedCursors cursors;

    /** New projects with labels offered to qc get a cursor over qc's corrections. */
    public void addMissingCursors() {
        cursors.addMissing(QcFeedCursors.Feed.CORRECTIONS);
    }

    /** The project whose corrections are due longest, its cursor locked until commit. */
    public Optional<String> claimDueProject(Instant dueBy) {
        return cursors.claimDueProject(QcFeedCursors.Feed.CORRECTIONS, dueBy);
    }

    public long lastSequence(String projectId) {
        return cursors.lastSequence(QcFeedCursors.Feed.CORRECTIONS, projectId);
    }

    /** Moves the corrections cursor, in the transaction that applied the corrections up to it. */
    public void advance(String projectId, long lastSequence, Optional<Duration> untilNextPoll) {
        cursors.advance(QcFeedCursors.Feed.CORRECTIONS, projectId, lastSequence, untilNextPoll);
    }

    /**
     * Records that correction {@code sequence} replaced the final label's current label and source.
     *
     * @return false when this correction was recorded before (nothing written)
     */
    public boolean recordHistory(FinalLabelEntity finalLabel, long sequence, String correctedLabel, int reviews,
            Instant correctedAt) {
        return entityManager.createNativeQuery("""
                INSERT INTO label_correction (project_id, sequence, item_id, previous_label, previous_source,
                    corrected_label, reviews, corrected_at, applied_at)
                VALUES (:projectId, :sequence, :itemId, :previousLabel, :previousSource,
                    :correctedLabel, :reviews, :correctedAt, now())
                ON CONFLICT (project_id, sequence) DO NOTHING
                """)
                .setParameter("projectId", finalLabel.projectId)
                .setParameter("sequence", sequence)
                .setParameter("itemId", finalLabel.itemId)
                .setParameter("previousLabel", finalLabel.label)
                .setParameter("previousSource", finalLabel.source.name())
                .setParameter("correctedLabel", correctedLabel)
                .setParameter("reviews", reviews)
                .setParameter("correctedAt", Timestamp.from(correctedAt))
                .executeUpdate() == 1;
    }

    /** One expert verdict waiting to be sent to crowd. */
    public record PendingVerdict(String projectId, long sequence, String itemId, String expertLabel) {
    }

    /** Queues correction {@code sequence} for crowd, in the transaction that applies it. */
    public void queueCrowdVerdict(String projectId, long sequence, String itemId, String expertLabel) {
        entityManager.createNativeQuery("""
                INSERT INTO crowd_verdict_outbox (project_id, sequence, item_id, expert_label, next_attempt_at)
                VALUES (:projectId, :sequence, :itemId, :expertLabel, now())
                ON CONFLICT (project_id, sequence) DO NOTHING
                """)
                .setParameter("projectId", projectId)
                .setParameter("sequence", sequence)
                .setParameter("itemId", itemId)
                .setParameter("expertLabel", expertLabel)
                .executeUpdate();
    }

    /** The verdict due longest, locked until commit; other replicas skip it. */
    public Optional<PendingVerdict> claimDueVerdict() {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT project_id, sequence, item_id, expert_label FROM crowd_verdict_outbox
                WHERE outcome IS NULL AND next_attempt_at <= now()
                ORDER BY next_attempt_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new PendingVerdict((String) columns[0], ItemRepository.asLong(columns[1]), (String) columns[2],
                    (String) columns[3]);
        });
    }

    /** Marks the verdict handled ({@code SENT} or {@code REFUSED}). */
    public void markVerdictHandled(PendingVerdict verdict, String outcome) {
        entityManager.createNativeQuery("""
                UPDATE crowd_verdict_outbox SET outcome = :outcome, handled_at = now()
                WHERE project_id = :projectId AND sequence = :sequence
                """)
                .setParameter("outcome", outcome)
                .setParameter("projectId", verdict.projectId())
                .setParameter("sequence", verdict.sequence())
                .executeUpdate();
    }

    public void postponeVerdict(PendingVerdict verdict, Duration wait) {
        entityManager.createNativeQuery("""
                UPDATE crowd_verdict_outbox SET next_attempt_at = now() + make_interval(secs => :seconds)
                WHERE project_id = :projectId AND sequence = :sequence
                """)
                .setParameter("seconds", wait.toMillis() / 1000.0)
                .setParameter("projectId", verdict.projectId())
                .setParameter("sequence", verdict.sequence())
                .executeUpdate();
    }
}
