package dev.centaur.qc.repository;

import dev.centaur.qc.service.DecidedVerdict;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class VerdictRepository implements PanacheRepository<DecidedVerdict> {

    /**
     * The project's next sequence number, under a lock held until commit (as for corrections), so
     * numbers are given out in commit order and a reader never finds a new one behind its cursor.
     */
    public long nextSequence(String projectId) {
        getEntityManager()
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "qc-verdicts:" + projectId)
                .getSingleResult();
        Number last = (Number) getEntityManager()
                .createNativeQuery("SELECT COALESCE(MAX(sequence), 0) FROM qc.verdict WHERE project_id = :projectId")
                .setParameter("projectId", projectId)
                .getSingleResult();
        return last.longValue() + 1;
    }

    /** Up to {@code limit} verdicts of the project numbered after {@code after}, in order. */
    public List<DecidedVerdict> page(String projectId, long after, int limit) {
        return find("projectId = :projectId and sequence > :after order by sequence",
                Parameters.with("projectId", projectId).and("after", after))
                .page(0, limit).list();
    }
}
