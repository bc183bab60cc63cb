package dev.centaur.router.repository;

import dev.centaur.router.service.ProjectEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<ProjectEntity, String> {

    /**
     * Stores a new project unless one with its id exists; an insert that skips conflicts makes two
     * concurrent creations of one id safe without catching constraint errors.
     *
     * @return false when the id was taken
     */
    public boolean insertIfAbsent(ProjectEntity project) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO project (project_id, name, labels, instructions, threshold, overlap, qc_rate,
                    price_per_crowd_answer, price_per_expert_review, price_per_1k_predictions, model_name,
                    created_at, crowd_synced, crowd_next_attempt_at)
                VALUES (:projectId, :name, :labels, :instructions, :threshold, :overlap, :qcRate,
                    :pricePerCrowdAnswer, :pricePerExpertReview, :pricePer1kPredictions, :modelName,
                    :createdAt, false, now())
                ON CONFLICT (project_id) DO NOTHING
                """)
                .setParameter("projectId", project.projectId)
                .setParameter("name", project.name)
                .setParameter("labels", project.labels)
                .setParameter("instructions", project.instructions)
                .setParameter("threshold", project.threshold)
                .setParameter("overlap", project.overlap)
                .setParameter("qcRate", project.qcRate)
                .setParameter("pricePerCrowdAnswer", project.pricePerCrowdAnswer)
                .setParameter("pricePerExpertReview", project.pricePerExpertReview)
                .setParameter("pricePer1kPredictions", project.pricePer1kPredictions)
                .setParameter("modelName", project.modelName)
                .setParameter("createdAt", project.createdAt)
                .executeUpdate();
        return inserted == 1;
    }

    public List<ProjectEntity> listAllById() {
        return listAll(Sort.by("projectId"));
    }

    /** Projects whose crowd settings are still to be pushed and due, locked for this worker. */
    @SuppressWarnings("unchecked")
    public List<ProjectEntity> claimAwaitingCrowdSync(int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM project
                WHERE NOT crowd_synced AND crowd_next_attempt_at <= now()
                ORDER BY crowd_next_attempt_at
                LIMIT :limit
                FOR NO KEY UPDATE SKIP LOCKED
                """, ProjectEntity.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    public void deferCrowdSync(String projectId, Duration backoff) {
        getEntityManager().createNativeQuery("""
                UPDATE project SET crowd_next_attempt_at = now() + make_interval(secs => :seconds)
                WHERE project_id = :projectId
                """)
                .setParameter("seconds", backoff.toMillis() / 1000.0)
                .setParameter("projectId", projectId)
                .executeUpdate();
    }

    /** Crowd lost the project (it answered NOT_FOUND): push the settings again before more items. */
    public void markCrowdUnsynced(String projectId) {
        update("crowdSynced = false where projectId = ?1", projectId);
    }

    public long countAwaitingCrowdSync() {
        return count("crowdSynced = false");
    }
}
