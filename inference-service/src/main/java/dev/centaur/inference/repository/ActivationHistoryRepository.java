package dev.centaur.inference.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The activation stack of each model name (inference.activation), for Rollback. */
@ApplicationScoped
public class ActivationHistoryRepository {

    private final EntityManager entityManager;

    public ActivationHistoryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Pushes a version made active. */
    public void recordActivation(String modelName, UUID versionId) {
        entityManager.createNativeQuery("insert into inference.activation (model_name, version_id) values (?1, ?2)")
                .setParameter(1, modelName)
                .setParameter(2, versionId)
                .executeUpdate();
    }

    /** The two newest versions of the stack (top first): the active one and the one before it. */
    public List<UUID> topTwo(String modelName) {
        @SuppressWarnings("unchecked")
        List<Object> rows = entityManager.createNativeQuery("select cast(version_id as text) from inference.activation"
                        + " where model_name = ?1 and not rolled_back order by id desc limit 2")
                .setParameter(1, modelName)
                .getResultList();
        return rows.stream().map(row -> UUID.fromString(row.toString())).toList();
    }

    /** Pops the top of the stack. */
    public void markTopRolledBack(String modelName) {
        entityManager.createNativeQuery("update inference.activation set rolled_back = true where id ="
                        + " (select max(id) from inference.activation where model_name = ?1 and not rolled_back)")
                .setParameter(1, modelName)
                .executeUpdate();
    }

    public Optional<UUID> top(String modelName) {
        return topTwo(modelName).stream().findFirst();
    }
}
