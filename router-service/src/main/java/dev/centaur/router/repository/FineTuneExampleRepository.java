package dev.centaur.router.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/** A project's labeled examples for fine-tuning its model, with where each label came from. */
@ApplicationScoped
public class FineTuneExampleRepository {

    /** Where an example's label came from. */
    public enum Origin { GOLDEN, EXPERT, CROWD }

    /** One example: a single text, or a pair (the unused form is null), and its label. */
    public record Example(Origin origin, String text, String textA, String textB, String label) {
    }

    @Inject
    EntityManager entityManager;

    /**
     * Golden items of the training share (the held-out ones measure the model: never trained on),
     * final labels set or confirmed by qc's experts, and, if asked, the crowd's unreviewed final
     * labels; project items with a golden twin only as the golden item. Golden first, then expert,
     * then crowd, each by item id, at most {@code limit}.
     */
    public List<Example> examples(String projectId, boolean withCrowd, int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT origin, text, text_a, text_b, label FROM (
                    SELECT 'GOLDEN' AS origin, 0 AS rank, item_id, text, text_a, text_b, gold_label AS label
                    FROM golden_item WHERE project_id = :projectId AND NOT holdout
                    UNION ALL
                    SELECT CASE WHEN f.source = 'EXPERT' OR f.qc_verdict = 'CONFIRMED' THEN 'EXPERT' ELSE 'CROWD' END,
                           CASE WHEN f.source = 'EXPERT' OR f.qc_verdict = 'CONFIRMED' THEN 1 ELSE 2 END,
                           i.item_id, i.text, i.text_a, i.text_b, f.label
                    FROM final_label f JOIN item i ON i.project_id = f.project_id AND i.item_id = f.item_id
                    WHERE f.project_id = :projectId
                      AND (f.source = 'EXPERT' OR f.qc_verdict = 'CONFIRMED'
                           OR (:withCrowd AND f.source IN ('CROWD', 'HYBRID')))
                      AND NOT EXISTS (SELECT 1 FROM golden_item g
                                      WHERE g.project_id = f.project_id AND g.item_id = f.item_id)
                ) examples
                ORDER BY rank, item_id
                LIMIT :limit
                """)
                .setParameter("projectId", projectId)
                .setParameter("withCrowd", withCrowd)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> {
            Object[] columns = (Object[]) row;
            return new Example(Origin.valueOf((String) columns[0]), (String) columns[1], (String) columns[2],
                    (String) columns[3], (String) columns[4]);
        }).toList();
    }
}
