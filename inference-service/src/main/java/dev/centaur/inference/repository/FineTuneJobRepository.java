package dev.centaur.inference.repository;

import dev.centaur.inference.service.FineTuneJobEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** FineTune jobs in inference.fine_tune_job. */
@ApplicationScoped
public class FineTuneJobRepository implements PanacheRepositoryBase<FineTuneJobEntity, UUID> {

    public Optional<FineTuneJobEntity> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /**
     * Inserts a QUEUED job unless its request id exists (a concurrent retry may have won): true
     * when this call inserted it.
     */
    public boolean insertQueued(UUID id, String requestId, String requestHash, String modelName, boolean force,
            int golden, int expert, int crowd, String owner) {
        return getEntityManager().createNativeQuery("insert into inference.fine_tune_job (id, request_id, request_hash,"
                        + " model_name, state, message, force, golden_examples, expert_examples, crowd_examples, owner)"
                        + " values (?1, ?2, ?3, ?4, 'QUEUED', 'waiting for a job thread', ?5, ?6, ?7, ?8, ?9)"
                        + " on conflict (request_id) do nothing")
                .setParameter(1, id)
                .setParameter(2, requestId)
                .setParameter(3, requestHash)
                .setParameter(4, modelName)
                .setParameter(5, force)
                .setParameter(6, golden)
                .setParameter(7, expert)
                .setParameter(8, crowd)
                .setParameter(9, owner)
                .executeUpdate() == 1;
    }

    /** Tells the database the owner's unfinished jobs are alive. */
    public int heartbeat(String owner) {
        return update("heartbeatAt = current_timestamp where owner = ?1 and state in ('QUEUED', 'RUNNING')", owner);
    }

    /** Marks FAILED the unfinished jobs whose owner stopped beating for longer than {@code staleAfter}. */
    public int failStale(Duration staleAfter, String message) {
        return getEntityManager().createNativeQuery("update inference.fine_tune_job set state = 'FAILED', message = ?1,"
                        + " finished_at = now() where state in ('QUEUED', 'RUNNING')"
                        + " and heartbeat_at < now() - make_interval(secs => ?2)")
                .setParameter(1, message)
                .setParameter(2, (double) staleAfter.toMillis() / 1000)
                .executeUpdate();
    }
}
