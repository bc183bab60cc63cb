package dev.centaur.router.repository;

import dev.centaur.router.service.PolicyChangeEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PolicyChangeRepository implements PanacheRepositoryBase<PolicyChangeEntity, Long> {

    /** Oldest first (ids grow with each change). */
    public List<PolicyChangeEntity> history(String projectId) {
        return list("projectId", Sort.by("id"), projectId);
    }
}
