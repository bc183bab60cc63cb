package dev.centaur.qc.repository;

import dev.centaur.qc.service.FinalLabelSource;
import dev.centaur.qc.service.OfferedItem;
import dev.centaur.qc.service.OfferedLabel;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class OfferedLabelRepository implements PanacheRepository<OfferedLabel> {

    /**
     * Stores the offered label unless the item was offered before. ON CONFLICT keeps a repeat,
     * even a concurrent one, from changing anything.
     *
     * @return the new row's id, or empty for a repeat
     */
    public Optional<Long> insertIfNew(String projectId, OfferedItem item, boolean sampled, Instant now) {
        List<?> ids = getEntityManager().createNativeQuery("""
                        INSERT INTO qc.offered_label (project_id, item_id, text, text_a, text_b, final_label,
                                                      source, confidence, model_version, sampled, offered_at)
                        VALUES (:projectId, :itemId, :text, :textA, :textB, :finalLabel,
                                :source, :confidence, :modelVersion, :sampled, :offeredAt)
                        ON CONFLICT (project_id, item_id) DO NOTHING
                        RETURNING id""")
                .setParameter("projectId", projectId)
                .setParameter("itemId", item.itemId())
                .setParameter("text", item.content().text())
                .setParameter("textA", item.content().textA())
                .setParameter("textB", item.content().textB())
                .setParameter("finalLabel", item.finalLabel())
                .setParameter("source", item.source().name())
                .setParameter("confidence", item.confidence())
                .setParameter("modelVersion", item.modelVersion())
                .setParameter("sampled", sampled)
                .setParameter("offeredAt", now)
                .getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** Labels offered for the project, per source. */
    public Map<FinalLabelSource, Long> countBySource(String projectId) {
        List<Object[]> rows = getEntityManager().createQuery("""
                        SELECT o.source, COUNT(o) FROM OfferedLabel o
                        WHERE o.projectId = :projectId GROUP BY o.source""", Object[].class)
                .setParameter("projectId", projectId)
                .getResultList();
        Map<FinalLabelSource, Long> counts = new EnumMap<>(FinalLabelSource.class);
        for (Object[] row : rows) {
            counts.put((FinalLabelSource) row[0], (Long) row[1]);
        }
        return counts;
    }
}
