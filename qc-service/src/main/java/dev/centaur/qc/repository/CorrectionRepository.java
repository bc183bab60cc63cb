package dev.centaur.qc.repository;

import dev.centaur.qc.service.Correction;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class CorrectionRepository implements PanacheRepository<Correction> {

    /**
     * The project's next sequence number. The lock is held until commit, so the next writer reads
     * this one's number only after it is visible: numbers are given out in commit order, and a
     * reader that has seen number k will never later find a new correction numbered k or less.
     */
    public long nextSequence(String projectId) {
        getEntityManager()
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "qc-corrections:" + projectId)
                .getSingleResult();
        Number last = (Number) getEntityManager()
                .createNativeQuery("SELECT COALESCE(MAX(sequence), 0) FROM qc.correction WHERE project_id = :projectId")
                .setParameter("projectId", projectId)
                .getSingleResult();
        return last.longValue() + 1;
    }

    /** Up to {@code limit} corrections of the project numbered after {@code after}, in order. */
    public List<Correction> page(String projectId, long after, int limit) {
        return find("projectId = :projectId and sequence > :after order by sequence",
                Parameters.with("projectId", projectId).and("after", after))
                .page(0, limit).list();
    }

    public long countFor(String projectId) {
        return count("projectId", projectId);
    }
}
