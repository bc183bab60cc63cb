package dev.centaur.inference.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Activate and Rollback: switch a name's active version in the database, then in memory. */
@ApplicationScoped
public class ActivationService {

    private final ModelCatalog catalog;
    private final ModelRegistry registry;

    public ActivationService(ModelCatalog catalog, ModelRegistry registry) {
        this.catalog = catalog;
        this.registry = registry;
    }

    /**
     * Idempotent: activating the active version changes nothing.
     *
     * @throws NotFoundException for an unknown version
     */
    public ModelVersionInfo activate(UUID versionId) {
        ModelVersionInfo version = catalog.activate(versionId);
        registry.syncModel(version.modelName());
        return version;
    }

    /**
     * Back to the version active before the current one, in the database, then in memory.
     *
     * @throws NotFoundException for a name without versions
     * @throws FailedPreconditionException when there is nothing to roll back to
     */
    public ModelVersionInfo rollback(String modelName) {
        ModelVersionInfo version = catalog.rollback(modelName);
        registry.syncModel(modelName);
        return version;
    }
}
