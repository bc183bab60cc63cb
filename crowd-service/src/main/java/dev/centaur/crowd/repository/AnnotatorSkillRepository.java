package dev.centaur.crowd.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Annotators' records on a project's control items (table annotator_skill), by native SQL. */
@ApplicationScoped
public class AnnotatorSkillRepository {

    /** Control answers and how many were right; whether the annotator is suspended from the project. */
    public record ControlRecord(int answers, int correct, boolean suspended) {
    }

    @Inject
    EntityManager entityManager;

    /** Counts one control answer and returns the record after it. */
    public ControlRecord recordControlAnswer(String annotatorId, String projectId, boolean correct) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                INSERT INTO {h-schema}annotator_skill (annotator_id, project_id, control_answers, control_correct)
                VALUES (:annotatorId, :projectId, 1, :correct)
                ON CONFLICT (annotator_id, project_id) DO UPDATE
                   SET control_answers = annotator_skill.control_answers + 1,
                       control_correct = annotator_skill.control_correct + EXCLUDED.control_correct
                RETURNING control_answers, control_correct, suspended_at IS NOT NULL""")
                .setParameter("annotatorId", annotatorId)
                .setParameter("projectId", projectId)
                .setParameter("correct", correct ? 1 : 0)
                .getSingleResult();
        return new ControlRecord(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), (Boolean) row[2]);
    }

    public void suspend(String annotatorId, String projectId, Instant now) {
        entityManager.createNativeQuery("""
                UPDATE {h-schema}annotator_skill SET suspended_at = :now
                 WHERE annotator_id = :annotatorId AND project_id = :projectId""")
                .setParameter("now", now)
                .setParameter("annotatorId", annotatorId)
                .setParameter("projectId", projectId)
                .executeUpdate();
    }

    public boolean isSuspended(String annotatorId, String projectId) {
        return !entityManager.createNativeQuery("""
                SELECT 1 FROM {h-schema}annotator_skill
                 WHERE annotator_id = :annotatorId AND project_id = :projectId AND suspended_at IS NOT NULL""")
                .setParameter("annotatorId", annotatorId)
                .setParameter("projectId", projectId)
                .getResultList().isEmpty();
    }

    /** The control records of the project's annotators who have answered at least one control item. */
    public Map<String, ControlRecord> recordsOf(String projectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT annotator_id, control_answers, control_correct, suspended_at IS NOT NULL
                  FROM {h-schema}annotator_skill WHERE project_id = :projectId AND control_answers > 0""")
                .setParameter("projectId", projectId)
                .getResultList();
        Map<String, ControlRecord> records = new HashMap<>();
        for (Object[] row : rows) {
            records.put((String) row[0], new ControlRecord(((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                    (Boolean) row[3]));
        }
        return records;
    }

    /**
     * Records that the expert verdict {@code sequence} on the item was applied.
     *
     * @return false when it had been recorded before (nothing written)
     */
    public boolean recordExpertVerdict(String projectId, String itemId, long sequence, String expertLabel,
            int annotatorsScored, Instant now) {
        return entityManager.createNativeQuery("""
                INSERT INTO {h-schema}expert_verdict (project_id, item_id, correction_sequence, expert_label,
                    annotators_scored, recorded_at)
                VALUES (:projectId, :itemId, :sequence, :expertLabel, :annotatorsScored, :now)
                ON CONFLICT (project_id, item_id, correction_sequence) DO NOTHING""")
                .setParameter("projectId", projectId)
                .setParameter("itemId", itemId)
                .setParameter("sequence", sequence)
                .setParameter("expertLabel", expertLabel)
                .setParameter("annotatorsScored", annotatorsScored)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }
}
