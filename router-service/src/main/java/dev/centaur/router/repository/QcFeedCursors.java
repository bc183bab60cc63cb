package dev.centaur.router.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Per-project cursors over one of qc's numbered feeds (corrections, verdicts): the last sequence
 * taken, moved in the transaction that took it, and when qc is next asked.
 */
@ApplicationScoped
public class QcFeedCursors {

    /** The feeds and their cursor tables. */
    public enum Feed {
        CORRECTIONS("qc_correction_cursor"),
        VERDICTS("qc_verdict_cursor");

        private final String table;

        Feed(String table) {
            this.table = table;
        }
    }

    @Inject
    EntityManager entityManager;

    /**
     * Gives every project qc has been offered labels of, and that has no cursor yet, one at sequence
     * 0, due now: only those can have entries in qc's feeds.
     */
    public void addMissing(Feed feed) {
        entityManager.createNativeQuery("""
                INSERT INTO %1$s (project_id, last_sequence, next_poll_at)
                SELECT p.project_id, 0, now() FROM project p
                WHERE NOT EXISTS (SELECT 1 FROM %1$s c WHERE c.project_id = p.project_id)
                  AND EXISTS (SELECT 1 FROM final_label f WHERE f.project_id = p.project_id AND f.offered_to_qc)
                ON CONFLICT (project_id) DO NOTHING
                """.formatted(feed.table)).executeUpdate();
    }

    /**
     * The project due longest (at or before {@code dueBy}), its cursor locked for this worker until
     * commit; other replicas skip it.
     */
    public Optional<String> claimDueProject(Feed feed, Instant dueBy) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT project_id FROM %s
                WHERE next_poll_at <= :dueBy
                ORDER BY next_poll_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """.formatted(feed.table))
                .setParameter("dueBy", Timestamp.from(dueBy))
                .getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    public long lastSequence(Feed feed, String projectId) {
        return ItemRepository.asLong(entityManager.createNativeQuery(
                        "SELECT last_sequence FROM %s WHERE project_id = :projectId".formatted(feed.table))
                .setParameter("projectId", projectId)
                .getSingleResult());
    }

    /**
     * Moves the cursor (in the transaction that took the entries up to it) and sets the next poll;
     * without one, the project stays due (more entries wait to be read).
     */
    public void advance(Feed feed, String projectId, long lastSequence, Optional<Duration> untilNextPoll) {
        entityManager.createNativeQuery("""
                UPDATE %s
                SET last_sequence = :lastSequence,
                    next_poll_at = CASE WHEN :keepDue THEN next_poll_at
                                        ELSE now() + make_interval(secs => :seconds) END
                WHERE project_id = :projectId
                """.formatted(feed.table))
                .setParameter("lastSequence", lastSequence)
                .setParameter("keepDue", untilNextPoll.isEmpty())
                .setParameter("seconds", untilNextPoll.map(Duration::toMillis).orElse(0L) / 1000.0)
                .setParameter("projectId", projectId)
                .executeUpdate();
    }
}
