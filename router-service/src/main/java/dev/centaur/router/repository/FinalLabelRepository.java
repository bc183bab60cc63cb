package dev.centaur.router.repository;

import dev.centaur.router.service.FinalLabelEntity;
import dev.centaur.router.service.ItemKey;
import dev.centaur.router.service.LabelSourceName;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Final labels (one per item, enforced by the primary key) and the qc outbox over them. */
@ApplicationScoped
public class FinalLabelRepository implements PanacheRepositoryBase<FinalLabelEntity, ItemKey> {

    /**
     * Stores the item's final label unless it has one; the item's primary key makes a second
     * label impossible even if two writers got past their checks.
     *
     * @return false when the item already had a final label
     */
    public boolean insertIfAbsent(FinalLabelEntity finalLabel) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO final_label (project_id, item_id, label, source, confidence, model_version,
                    answers_used, method, labeled_at, offered_to_qc, qc_next_attempt_at)
                VALUES (:projectId, :itemId, :label, :source, :confidence, :modelVersion,
                    :answersUsed, :method, :labeledAt, false, now())
                ON CONFLICT (project_id, item_id) DO NOTHING
                """)
                .setParameter("projectId", finalLabel.projectId)
                .setParameter("itemId", finalLabel.itemId)
                .setParameter("label", finalLabel.label)
                .setParameter("source", finalLabel.source.name())
                .setParameter("confidence", finalLabel.confidence)
                .setParameter("modelVersion", finalLabel.modelVersion)
                .setParameter("answersUsed", finalLabel.answersUsed)
                .setParameter("method", finalLabel.method)
                .setParameter("labeledAt", Timestamp.from(finalLabel.labeledAt))
                .executeUpdate();
        return inserted == 1;
    }

    /** Final labels with item id after the given one (empty: from the start), in item id order. */
    public List<FinalLabelEntity> pageAfter(String projectId, String afterItemId, int limit) {
        return find("projectId = ?1 and itemId > ?2", Sort.by("itemId"), projectId, afterItemId)
                .page(0, limit)
                .list();
    }

    /** Locks the oldest due label not yet offered to qc and answers its project (Offer is per project). */
    public Optional<String> lockProjectWithLabelsAwaitingQc() {
        List<?> rows = getEntityManager().createNativeQuery("""
                SELECT project_id FROM final_label
                WHERE NOT offered_to_qc AND qc_next_attempt_at <= now()
                ORDER BY qc_next_attempt_at
                LIMIT 1
                FOR NO KEY UPDATE SKIP LOCKED
                """).getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    @SuppressWarnings("unchecked")
    public List<FinalLabelEntity> claimAwaitingQc(String projectId, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM final_label
                WHERE project_id = :projectId AND NOT offered_to_qc AND qc_next_attempt_at <= now()
                ORDER BY qc_next_attempt_at, item_id
                LIMIT :limit
                FOR NO KEY UPDATE SKIP LOCKED
                """, FinalLabelEntity.class)
                .setParameter("projectId", projectId)
                .setParameter("limit", limit)
                .getResultList();
    }

    public void deferQcOffer(String projectId, Collection<String> itemIds, Duration backoff) {
        getEntityManager().createNativeQuery("""
                UPDATE final_label SET qc_next_attempt_at = now() + make_interval(secs => :seconds)
                WHERE project_id = :projectId AND item_id IN (:itemIds)
                """)
                .setParameter("seconds", backoff.toMillis() / 1000.0)
                .setParameter("projectId", projectId)
                .setParameter("itemIds", itemIds)
                .executeUpdate();
    }

    public FinalLabelCounts countsForProject(String projectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT source, count(*), coalesce(sum(answers_used), 0), count(*) FILTER (WHERE offered_to_qc)
                FROM final_label WHERE project_id = :projectId
                GROUP BY source
                """)
                .setParameter("projectId", projectId)
                .getResultList();
        Map<LabelSourceName, Long> bySource = new EnumMap<>(LabelSourceName.class);
        for (LabelSourceName source : LabelSourceName.values()) {
            bySource.put(source, 0L);
        }
        long crowdAnswers = 0;
        long offeredToQc = 0;
        for (Object[] row : rows) {
            bySource.put(LabelSourceName.valueOf(row[0].toString()), ItemRepository.asLong(row[1]));
            crowdAnswers += ItemRepository.asLong(row[2]);
            offeredToQc += ItemRepository.asLong(row[3]);
        }
        return new FinalLabelCounts(bySource, crowdAnswers, offeredToQc);
    }

    public long countAwaitingQc() {
        return count("offeredToQc = false");
    }
}
