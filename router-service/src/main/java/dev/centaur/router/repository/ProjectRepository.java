package dev.centaur.router.repository;

import dev.centaur.router.service.ProjectEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
                    created_at, crowd_synced, crowd_next_attempt_at, mode, label_threshold_labels,
                    label_threshold_values, target_accuracy, budget_per_item, min_threshold, curve_stale,
                    aggregation_method, max_overlap, confidence_target, control_rate, min_skill, golden_crowd_share)
                VALUES (:projectId, :name, :labels, :instructions, :threshold, :overlap, :qcRate,
                    :pricePerCrowdAnswer, :pricePerExpertReview, :pricePer1kPredictions, :modelName,
                    :createdAt, false, now(), :mode, :labelThresholdLabels, :labelThresholdValues,
                    :targetAccuracy, :budgetPerItem, :minThreshold, false,
                    :aggregationMethod, :maxOverlap, :confidenceTarget, :controlRate, :minSkill, :goldenCrowdShare)
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
                .setParameter("mode", project.mode.name())
                .setParameter("labelThresholdLabels", project.labelThresholdLabels)
                .setParameter("labelThresholdValues", project.labelThresholdValues)
                .setParameter("targetAccuracy", project.targetAccuracy)
                .setParameter("budgetPerItem", project.budgetPerItem)
                .setParameter("minThreshold", project.minThreshold)
                .setParameter("aggregationMethod", project.aggregationMethod)
                .setParameter("maxOverlap", project.maxOverlap)
                .setParameter("confidenceTarget", project.confidenceTarget)
                .setParameter("controlRate", project.controlRate)
                .setParameter("minSkill", project.minSkill)
                .setParameter("goldenCrowdShare", project.goldenCrowdShare)
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

    /** The project row, locked until the transaction ends: policy changes happen one at a time. */
    public Optional<ProjectEntity> lockForPolicyChange(String projectId) {
        return Optional.ofNullable(findById(projectId, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * New evidence (or a new policy): a project whose threshold router chooses gets its operating
     * point recomputed by the curve worker. Projects with a user's threshold are left alone.
     */
    public void markCurveStale(String projectId) {
        getEntityManager().createNativeQuery("""
                UPDATE project SET curve_stale = true
                WHERE project_id = :projectId AND mode <> 'THRESHOLD' AND NOT curve_stale
                """)
                .setParameter("projectId", projectId)
                .executeUpdate();
    }

    /** One project whose operating point is due, locked for this worker. */
    public Optional<ProjectEntity> claimStaleCurve() {
        @SuppressWarnings("unchecked")
        List<ProjectEntity> found = getEntityManager().createNativeQuery("""
                SELECT * FROM project WHERE curve_stale
                LIMIT 1
                FOR NO KEY UPDATE SKIP LOCKED
                """, ProjectEntity.class)
                .getResultList();
        return found.stream().findFirst();
    }

    public void clearCurveStale(String projectId) {
        getEntityManager().createNativeQuery("UPDATE project SET curve_stale = false WHERE project_id = :projectId")
                .setParameter("projectId", projectId)
                .executeUpdate();
    }

    public long countAwaitingCrowdSync() {
        return count("crowdSynced = false");
    }
}
