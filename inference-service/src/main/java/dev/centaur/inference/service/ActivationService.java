package dev.centaur.inference.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Activate: switch a name's active version in the database, then in memory. */
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
}
