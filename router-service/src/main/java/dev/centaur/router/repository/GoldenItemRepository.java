package dev.centaur.router.repository;

import dev.centaur.router.curve.GoldenSplit;
import dev.centaur.router.service.GoldenItemEntity;
import dev.centaur.router.service.ItemKey;
import dev.centaur.router.service.NewGoldenItem;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Golden items, and the queue of held-out ones awaiting the model's distribution. */
@ApplicationScoped
public class GoldenItemRepository implements PanacheRepositoryBase<GoldenItemEntity, ItemKey> {

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO golden_item (project_id, item_id, text, text_a, text_b, gold_label, holdout, added_at,
                next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (project_id, item_id) DO NOTHING
            """;

    /**
     * Stores the golden items that do not exist yet, in one JDBC batch; existing ones keep their
     * label and side of the split.
     *
     * @return how many were stored
     */
    public int insertIfAbsent(String projectId, List<NewGoldenItem> golden, double holdoutShare, Instant addedAt) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
                Timestamp added = Timestamp.from(addedAt);
                for (NewGoldenItem item : golden) {
                    insert.setString(1, projectId);
                    insert.setString(2, item.item().itemId());
                    insert.setString(3, item.item().text());
                    insert.setString(4, item.item().textA());
                    insert.setString(5, item.item().textB());
                    insert.setString(6, item.goldLabel());
                    insert.setBoolean(7, GoldenSplit.isHoldout(item.item().itemId(), holdoutShare));
                    insert.setTimestamp(8, added);
                    insert.addBatch();
                }
                int created = 0;
                for (int rows : insert.executeBatch()) {
                    created += rows;
                }
                return created;
            }
        });
    }

    /** Locks the oldest due held-out item without a distribution and answers its project. */
    public Optional<String> lockProjectWithGoldenAwaitingModel() {
        List<?> rows = getEntityManager().createNativeQuery("""
                SELECT project_id FROM golden_item
                WHERE holdout AND model_version IS NULL AND next_attempt_at <= now()
                ORDER BY next_attempt_at
                LIMIT 1
                FOR NO KEY UPDATE SKIP LOCKED
                """).getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    @SuppressWarnings("unchecked")
    public List<GoldenItemEntity> claimAwaitingModel(String projectId, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM golden_item
                WHERE project_id = :projectId AND holdout AND model_version IS NULL AND next_attempt_at <= now()
                ORDER BY next_attempt_at, item_id
                LIMIT :limit
                FOR NO KEY UPDATE SKIP LOCKED
                """, GoldenItemEntity.class)
                .setParameter("projectId", projectId)
                .setParameter("limit", limit)
                .getResultList();
    }

    public void deferAttempt(String projectId, Collection<String> itemIds, Duration backoff) {
        getEntityManager().createNativeQuery("""
                UPDATE golden_item SET next_attempt_at = now() + make_interval(secs => :seconds)
                WHERE project_id = :projectId AND item_id IN (:itemIds)
                """)
                .setParameter("seconds", backoff.toMillis() / 1000.0)
                .setParameter("projectId", projectId)
                .setParameter("itemIds", itemIds)
                .executeUpdate();
    }

    /**
     * A new model version routes the project: distributions of other versions are dropped, so the
     * held-out items are predicted again and the curve describes the model in use.
     *
     * @return how many distributions were dropped
     */
    public int forgetPredictionsOfOtherVersions(String projectId, String modelVersion) {
        return getEntityManager().createNativeQuery("""
                UPDATE golden_item SET model_version = NULL, model_probabilities = NULL, next_attempt_at = now()
                WHERE project_id = :projectId AND model_version IS NOT NULL AND model_version <> :modelVersion
                """)
                .setParameter("projectId", projectId)
                .setParameter("modelVersion", modelVersion)
                .executeUpdate();
    }

    /** Golden items after the given id (empty: from the start), by id; the held-out ones only if asked. */
    public List<GoldenItemEntity> pageAfter(String projectId, String afterItemId, boolean includeHoldout, int limit) {
        String query = "projectId = ?1 and itemId > ?2" + (includeHoldout ? "" : " and holdout = false");
        return find(query, Sort.by("itemId"), projectId, afterItemId).page(0, limit).list();
    }

    public long countPredicted(String projectId) {
        return count("projectId = ?1 and modelVersion is not null", projectId);
    }
}
