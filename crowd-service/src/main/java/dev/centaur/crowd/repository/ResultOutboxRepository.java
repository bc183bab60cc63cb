package dev.centaur.crowd.repository;

import dev.centaur.crowd.service.ResultOutboxEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ResultOutboxRepository implements PanacheRepositoryBase<ResultOutboxEntry, Long> {

    /**
     * Locks up to {@code limit} unreported entries after {@code afterId}, oldest first, skipping
     * rows another replica's worker is sending.
     */
    public List<ResultOutboxEntry> lockPendingAfter(long afterId, int limit) {
        return getSession().createNativeQuery("""
                SELECT * FROM {h-schema}result_outbox
                 WHERE reported_at IS NULL AND id > :afterId
                 ORDER BY id
                 LIMIT :limit
                 FOR UPDATE SKIP LOCKED""", ResultOutboxEntry.class)
                .setParameter("afterId", afterId)
                .setParameter("limit", limit)
                .getResultList();
    }

    public long countPending() {
        return count("reportedAt is null");
    }
}
