package dev.centaur.router.repository;

import dev.centaur.router.curve.CrowdAccuracy.Tally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Golden items sent to the crowd as ordinary items (probes) to measure it, and their crowd labels,
 * which are kept here and never become final labels.
 */
@ApplicationScoped
public class GoldenProbeRepository {

    /** The prefix of a probe's id at crowd; no project item may use it (SubmitItems refuses it). */
    public static final String CROWD_ID_PREFIX = "golden-probe:";

    /** A probe due for crowd: the golden item's id and the id crowd knows it by. */
    public record DueProbe(String itemId, String crowdItemId) {
    }

    /** A crowd result for a probe. */
    public record ProbeResult(String projectId, String crowdItemId, String label, double confidence, int answersUsed,
            String method, String source) {
    }

    /** Crowd takes ids of up to 128 characters, like router's items. */
    private static final int MAX_CROWD_ID_LENGTH = 128;

    @Inject
    EntityManager entityManager;

    /**
     * Makes probes of the held-out golden items that have a distribution and whose bucket is under
     * their project's share, once each; due at once.
     *
     * @return how many probes were added
     */
    public int addNewProbes() {
        return entityManager.createNativeQuery("""
                INSERT INTO golden_crowd_probe (project_id, item_id, crowd_item_id, status, next_attempt_at)
                SELECT g.project_id, g.item_id,
                       :prefix || CASE WHEN length(g.item_id) <= :maxPlain THEN g.item_id ELSE md5(g.item_id) END,
                       'TO_CROWD', now()
                FROM golden_item g JOIN project p ON p.project_id = g.project_id
                WHERE g.holdout AND g.model_probabilities IS NOT NULL
                  AND g.crowd_bucket < p.golden_crowd_share * 10000
                  AND NOT EXISTS (SELECT 1 FROM golden_crowd_probe c
                                  WHERE c.project_id = g.project_id AND c.item_id = g.item_id)
                ON CONFLICT DO NOTHING
                """)
                .setParameter("prefix", CROWD_ID_PREFIX)
                .setParameter("maxPlain", MAX_CROWD_ID_LENGTH - CROWD_ID_PREFIX.length())
                .executeUpdate();
    }

    /** Locks the oldest due probe of a project crowd knows and answers its project. */
    public Optional<String> lockProjectWithProbesForCrowd() {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT c.project_id FROM golden_crowd_probe c JOIN project p ON p.project_id = c.project_id
                WHERE c.status = 'TO_CROWD' AND c.next_attempt_at <= now() AND p.crowd_synced
                ORDER BY c.next_attempt_at
                LIMIT 1
                FOR NO KEY UPDATE OF c SKIP LOCKED
                """).getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    /** Up to limit due probes of the project, locked until the transaction ends. */
    public List<DueProbe> claimDue(String projectId, int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT item_id, crowd_item_id FROM golden_crowd_probe
                WHERE project_id = :projectId AND status = 'TO_CROWD' AND next_attempt_at <= now()
                ORDER BY next_attempt_at, item_id
                LIMIT :limit
                FOR NO KEY UPDATE SKIP LOCKED
                """)
                .setParameter("projectId", projectId)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> {
            Object[] columns = (Object[]) row;
            return new DueProbe((String) columns[0], (String) columns[1]);
        }).toList();
    }

    public void markEnqueued(String projectId, Collection<String> itemIds) {
        entityManager.createNativeQuery("""
                UPDATE golden_crowd_probe SET status = 'WITH_CROWD'
                WHERE project_id = :projectId AND item_id IN (:itemIds) AND status = 'TO_CROWD'
                """)
                .setParameter("projectId", projectId)
                .setParameter("itemIds", itemIds)
                .executeUpdate();
    }

    public void deferAttempt(String projectId, Collection<String> itemIds, Duration backoff) {
        entityManager.createNativeQuery("""
                UPDATE golden_crowd_probe SET next_attempt_at = now() + make_interval(secs => :seconds)
                WHERE project_id = :projectId AND item_id IN (:itemIds)
                """)
                .setParameter("seconds", backoff.toMillis() / 1000.0)
                .setParameter("projectId", projectId)
                .setParameter("itemIds", itemIds)
                .executeUpdate();
    }

    /**
     * Records the crowd's label of a probe once.
     *
     * @return empty when no probe has this id; false when it already had its label (nothing changed)
     */
    public Optional<Boolean> recordResult(ProbeResult result) {
        List<?> locked = entityManager.createNativeQuery("""
                SELECT status FROM golden_crowd_probe WHERE project_id = :projectId AND crowd_item_id = :crowdItemId
                FOR NO KEY UPDATE
                """)
                .setParameter("projectId", result.projectId())
                .setParameter("crowdItemId", result.crowdItemId())
                .getResultList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        if ("LABELED".equals(locked.get(0).toString())) {
            return Optional.of(false);
        }
        entityManager.createNativeQuery("""
                UPDATE golden_crowd_probe
                SET status = 'LABELED', label = :label, confidence = :confidence, answers_used = :answersUsed,
                    method = :method, source = :source, labeled_at = now()
                WHERE project_id = :projectId AND crowd_item_id = :crowdItemId
                """)
                .setParameter("label", result.label())
                .setParameter("confidence", result.confidence())
                .setParameter("answersUsed", result.answersUsed())
                .setParameter("method", result.method())
                .setParameter("source", result.source())
                .setParameter("projectId", result.projectId())
                .setParameter("crowdItemId", result.crowdItemId())
                .executeUpdate();
        return Optional.of(true);
    }

    /** Crowd answers spent on the project's probes. */
    public long countAnswers(String projectId) {
        return ItemRepository.asLong(entityManager.createNativeQuery(
                        "SELECT coalesce(sum(answers_used), 0) FROM golden_crowd_probe WHERE project_id = :projectId")
                .setParameter("projectId", projectId)
                .getSingleResult());
    }

    /** Probes the crowd labeled, and how many of those labels match the gold label. */
    public Tally accuracy(String projectId) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE c.label = g.gold_label)
                FROM golden_crowd_probe c JOIN golden_item g ON g.project_id = c.project_id AND g.item_id = c.item_id
                WHERE c.project_id = :projectId AND c.status = 'LABELED'
                """)
                .setParameter("projectId", projectId)
                .getSingleResult();
        return new Tally(ItemRepository.asLong(row[0]), ItemRepository.asLong(row[1]));
    }
}
