package dev.centaur.router.repository;

import dev.centaur.router.service.ItemEntity;
import dev.centaur.router.service.ItemKey;
import dev.centaur.router.service.ItemStatus;
import dev.centaur.router.service.NewItem;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Items, and the queues the workers take them from. Claims lock rows with SKIP LOCKED, so several
 * replicas share the work and never take the same item twice.
 */
@ApplicationScoped
public class ItemRepository implements PanacheRepositoryBase<ItemEntity, ItemKey> {

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO item (project_id, item_id, text, text_a, text_b, metadata, status, submitted_at,
                next_attempt_at, trace_parent)
            VALUES (?, ?, ?, ?, ?, jsonb_object(?::text[], ?::text[]), 'NEW', ?, now(), ?)
            ON CONFLICT (project_id, item_id) DO NOTHING
            """;

    /**
     * Stores the items that do not exist yet, in one JDBC batch; existing ones are left unchanged.
     *
     * @param traceParent the submitting call's W3C traceparent, or null
     * @return how many were stored
     */
    public int insertIfAbsent(String projectId, List<NewItem> items, Instant submittedAt, String traceParent) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
                Timestamp submitted = Timestamp.from(submittedAt);
                for (NewItem item : items) {
                    insert.setString(1, projectId);
                    insert.setString(2, item.itemId());
                    insert.setString(3, item.text());
                    insert.setString(4, item.textA());
                    insert.setString(5, item.textB());
                    insert.setArray(6, connection.createArrayOf("text", item.metadata().keySet().toArray()));
                    insert.setArray(7, connection.createArrayOf("text", item.metadata().values().toArray()));
                    insert.setTimestamp(8, submitted);
                    insert.setString(9, traceParent);
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

    /**
     * Locks the oldest due NEW item and answers its project: a batch goes to one model, so the
     * worker then claims more of that project's items.
     */
    public Optional<String> lockProjectWithItemsAwaitingModel() {
        return firstProjectId(getEntityManager().createNativeQuery("""
                SELECT project_id FROM item
                WHERE status = 'NEW' AND next_attempt_at <= now()
                ORDER BY next_attempt_at
                LIMIT 1
                FOR NO KEY UPDATE SKIP LOCKED
                """).getResultList());
    }

    /** Like {@link #lockProjectWithItemsAwaitingModel}, for items to enqueue at crowd; only projects crowd knows. */
    public Optional<String> lockProjectWithItemsForCrowd() {
        return firstProjectId(getEntityManager().createNativeQuery("""
                SELECT i.project_id FROM item i JOIN project p ON p.project_id = i.project_id
                WHERE i.status = 'TO_CROWD' AND i.next_attempt_at <= now() AND p.crowd_synced
                ORDER BY i.next_attempt_at
                LIMIT 1
                FOR NO KEY UPDATE OF i SKIP LOCKED
                """).getResultList());
    }

    /** Up to limit due items of the project in the given state, locked until the transaction ends. */
    @SuppressWarnings("unchecked")
    public List<ItemEntity> claimDue(String projectId, ItemStatus status, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM item
                WHERE project_id = :projectId AND status = :status AND next_attempt_at <= now()
                ORDER BY next_attempt_at, item_id
                LIMIT :limit
                FOR NO KEY UPDATE SKIP LOCKED
                """, ItemEntity.class)
                .setParameter("projectId", projectId)
                .setParameter("status", status.name())
                .setParameter("limit", limit)
                .getResultList();
    }

    /** A failed attempt: the items keep their state and wait before the next try. */
    public void deferAttempt(String projectId, Collection<String> itemIds, Duration backoff) {
        getEntityManager().createNativeQuery("""
                UPDATE item SET next_attempt_at = now() + make_interval(secs => :seconds)
                WHERE project_id = :projectId AND item_id IN (:itemIds)
                """)
                .setParameter("seconds", backoff.toMillis() / 1000.0)
                .setParameter("projectId", projectId)
                .setParameter("itemIds", itemIds)
                .executeUpdate();
    }

    /** The item, locked so that concurrent results for it are recorded one after the other. */
    @SuppressWarnings("unchecked")
    public Optional<ItemEntity> lockItem(String projectId, String itemId) {
        List<ItemEntity> found = getEntityManager().createNativeQuery("""
                SELECT * FROM item WHERE project_id = :projectId AND item_id = :itemId
                FOR NO KEY UPDATE
                """, ItemEntity.class)
                .setParameter("projectId", projectId)
                .setParameter("itemId", itemId)
                .getResultList();
        return found.stream().findFirst();
    }

    public List<ItemEntity> findByIds(String projectId, Collection<String> itemIds) {
        return list("projectId = ?1 and itemId in ?2", projectId, itemIds);
    }

    public ItemCounts countsForProject(String projectId) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                SELECT count(*),
                       count(*) FILTER (WHERE status = 'NEW'),
                       count(*) FILTER (WHERE status IN ('TO_CROWD', 'WITH_CROWD')),
                       count(model_version)
                FROM item WHERE project_id = :projectId
                """)
                .setParameter("projectId", projectId)
                .getSingleResult();
        return new ItemCounts(asLong(row[0]), asLong(row[1]), asLong(row[2]), asLong(row[3]));
    }

    public long countInState(ItemStatus status) {
        return count("status", status);
    }

    private static Optional<String> firstProjectId(List<?> rows) {
        return rows.stream().findFirst().map(Object::toString);
    }

    static long asLong(Object number) {
        return ((Number) number).longValue();
    }
}
