package dev.centaur.inference.repository;

import dev.centaur.inference.service.ModelVersionEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Model versions in inference.model_version. */
@ApplicationScoped
public class ModelVersionRepository implements PanacheRepositoryBase<ModelVersionEntity, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt").and("id", Sort.Direction.Descending);

    public List<ModelVersionEntity> newestFirst() {
        return listAll(NEWEST_FIRST);
    }

    public List<ModelVersionEntity> newestFirst(String modelName) {
        return list("modelName", NEWEST_FIRST, modelName);
    }

    public Optional<ModelVersionEntity> findActive(String modelName) {
        return find("modelName = ?1 and active = true", modelName).firstResultOptional();
    }

    public List<ModelVersionEntity> findAllActive() {
        return list("active", true);
    }

    public long countVersions(String modelName) {
        return count("modelName", modelName);
    }

    /** The weights alone (the entity loads them lazily). */
    public byte[] weights(UUID id) {
        return getEntityManager()
                .createQuery("select v.weights from ModelVersionEntity v where v.id = :id", byte[].class)
                .setParameter("id", id)
                .getSingleResult();
    }

    /** Deactivates the active version of a name, if any; flushed, so the partial unique index sees it. */
    public void deactivate(String modelName) {
        update("active = false where modelName = ?1 and active = true", modelName);
        flush();
    }

    /**
     * Serialises version changes of one model name until the transaction ends, so two concurrent
     * first trainings or activations cannot both make a version active.
     */
    public void lockModelName(String modelName) {
        getEntityManager()
                .createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(:name, 0)) as text)")
                .setParameter("name", "inference.model_version:" + modelName)
                .getSingleResult();
    }
}
