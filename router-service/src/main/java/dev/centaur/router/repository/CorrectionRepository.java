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

    /**
     * Gives every project qc has been offered labels of, and that has no cursor yet, one at sequence
     * 0, due now: only those can have corrections.
     */
    public void addMissingCursors() {
        entityManager.createNativeQuery("""
                INSERT INTO qc_correction_cursor (project_id, last_sequence, next_poll_at)
                SELECT p.project_id, 0, now() FROM project p
                WHERE NOT EXISTS (SELECT 1 FROM qc_correction_cursor c WHERE c.project_id = p.project_id)
                  AND EXISTS (SELECT 1 FROM final_label f WHERE f.project_id = p.project_id AND f.offered_to_qc)
                ON CONFLICT (project_id) DO NOTHING
                """).executeUpdate();
    }

    /**
     * The project due longest (at or before {@code dueBy}), its cursor locked for this worker until
     * commit; other replicas skip it.
     */
    public Optional<String> claimDueProject(Instant dueBy) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT project_id FROM qc_correction_cursor
                WHERE next_poll_at <= :dueBy
                ORDER BY next_poll_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """)
                .setParameter("dueBy", Timestamp.from(dueBy))
                .getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    public long lastSequence(String projectId) {
        return ItemRepository.asLong(entityManager.createNativeQuery(
                        "SELECT last_sequence FROM qc_correction_cursor WHERE project_id = :projectId")
                .setParameter("projectId", projectId)
                .getSingleResult());
    }

    /**
     * Moves the cursor (in the transaction that applied the corrections up to it) and sets the next
     * poll; without one, the project stays due (more corrections wait to be read).
     */
    public void advance(String projectId, long lastSequence, Optional<Duration> untilNextPoll) {
        entityManager.createNativeQuery("""
                UPDATE qc_correction_cursor
                SET last_sequence = :lastSequence,
                    next_poll_at = CASE WHEN :keepDue THEN next_poll_at
                                        ELSE now() + make_interval(secs => :seconds) END
                WHERE project_id = :projectId
                """)
                .setParameter("lastSequence", lastSequence)
                .setParameter("keepDue", untilNextPoll.isEmpty())
                .setParameter("seconds", untilNextPoll.map(Duration::toMillis).orElse(0L) / 1000.0)
                .setParameter("projectId", projectId)
                .executeUpdate();
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
