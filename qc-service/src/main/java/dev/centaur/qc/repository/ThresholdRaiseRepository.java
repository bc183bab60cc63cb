package dev.centaur.qc.repository;

import dev.centaur.qc.service.ThresholdRaise;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ThresholdRaiseRepository implements PanacheRepository<ThresholdRaise> {

    /**
     * Up to {@code limit} unsent requests due now, oldest first, locked until commit; rows another
     * replica is sending are skipped.
     */
    @SuppressWarnings("unchecked")
    public List<ThresholdRaise> claimDue(int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM qc.threshold_raise
                        WHERE sent_at IS NULL AND next_attempt_at <= now()
                        ORDER BY id
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", ThresholdRaise.class)
                .setParameter("limit", limit)
                .getResultList();
    }
}
