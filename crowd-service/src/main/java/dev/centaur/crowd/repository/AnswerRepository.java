package dev.centaur.crowd.repository;

import dev.centaur.crowd.service.Answer;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class AnswerRepository implements PanacheRepositoryBase<Answer, String> {

    public List<Answer> listForItem(long itemPk) {
        return list("itemPk", Sort.by("answeredAt").and("assignmentId"), itemPk);
    }

    public long countForItem(long itemPk) {
        return count("itemPk", itemPk);
    }

    /** One answer to an ordinary item, as aggregation reads it. */
    public record WindowAnswer(long itemPk, String itemId, String annotatorId, String label) {
    }

    /**
     * The project's most recent answers to ordinary (not control) items, at most {@code limit},
     * the answers of item {@code itemPk} first so that they are always in.
     */
    public List<WindowAnswer> recentAnswersOfProject(String projectId, long itemPk, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT i.id, i.item_id, an.annotator_id, an.label
                  FROM {h-schema}answer an JOIN {h-schema}item i ON i.id = an.item_pk
                 WHERE i.project_id = :projectId AND i.control_label IS NULL
                 ORDER BY (an.item_pk = :itemPk) DESC, an.answered_at DESC, an.assignment_id
                 LIMIT :limit""")
                .setParameter("projectId", projectId)
                .setParameter("itemPk", itemPk)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new WindowAnswer(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2], (String) row[3])).toList();
    }

    /** Deletes the annotator's answers to the project's open ordinary items; returns how many. */
    public int deleteOpenAnswersOf(String annotatorId, String projectId) {
        return getEntityManager().createNativeQuery("""
                DELETE FROM {h-schema}answer an USING {h-schema}item i
                 WHERE an.item_pk = i.id AND an.annotator_id = :annotatorId AND i.project_id = :projectId
                   AND i.completed_at IS NULL AND i.control_label IS NULL""")
                .setParameter("annotatorId", annotatorId)
                .setParameter("projectId", projectId)
                .executeUpdate();
    }

    /** Answers per annotator id, for annotators with at least one. */
    public Map<String, Long> countByAnnotator() {
        List<Object[]> rows = getEntityManager()
                .createQuery("select an.annotatorId, count(an) from Answer an group by an.annotatorId", Object[].class)
                .getResultList();
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }
}
