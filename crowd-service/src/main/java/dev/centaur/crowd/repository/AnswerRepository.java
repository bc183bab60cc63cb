package dev.centaur.crowd.repository;

import dev.centaur.crowd.service.Answer;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.query.NativeQuery;

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

    /** Answer columns aggregation reads, for a FROM answer an JOIN item i. */
    private static final String WINDOW_COLUMNS = "SELECT an.item_pk, i.item_id, an.annotator_id, an.label";

    /** Answers to the project's items, control items included; an index-only count. */
    public long countForProject(String projectId) {
        return count("projectId", projectId);
    }

    /**
     * All of the project's answers to ordinary (not control) items, in no order: for a project
     * within the window, which then needs no sort.
     */
    public List<WindowAnswer> allAnswersOfProject(String projectId) {
        return windowAnswers(getSession().createNativeQuery(WINDOW_COLUMNS + """
                  FROM {h-schema}answer an JOIN {h-schema}item i ON i.id = an.item_pk
                 WHERE an.project_id = :projectId AND i.control_label IS NULL""", Object[].class)
                .setParameter("projectId", projectId));
    }

    /**
     * The project's most recent answers to ordinary items, at most {@code limit}, newest first;
     * read in the order of index answer_recent_by_project, so only about {@code limit} rows are read.
     */
    public List<WindowAnswer> recentAnswersOfProject(String projectId, int limit) {
        return windowAnswers(getSession().createNativeQuery(WINDOW_COLUMNS + """
                  FROM {h-schema}answer an JOIN {h-schema}item i ON i.id = an.item_pk
                 WHERE an.project_id = :projectId AND i.control_label IS NULL
                 ORDER BY an.answered_at DESC, an.assignment_id
                 LIMIT :limit""", Object[].class)
                .setParameter("projectId", projectId)
                .setParameter("limit", limit));
    }

    /** Every answer of the given items. */
    public List<WindowAnswer> answersOfItems(Collection<Long> itemPks) {
        if (itemPks.isEmpty()) {
            return List.of();
        }
        return windowAnswers(getSession().createNativeQuery(WINDOW_COLUMNS + """
                  FROM {h-schema}answer an JOIN {h-schema}item i ON i.id = an.item_pk
                 WHERE an.item_pk = ANY(:itemPks)""", Object[].class)
                .setParameter("itemPks", itemPks.stream().mapToLong(Long::longValue).toArray(), long[].class));
    }

    private static List<WindowAnswer> windowAnswers(NativeQuery<Object[]> query) {
        return query.getResultList().stream().map(row -> new WindowAnswer(((Number) row[0]).longValue(),
                (String) row[1], (String) row[2], (String) row[3])).toList();
    }

    /** Answers per item, for the given items (those with none are absent). */
    public Map<Long, Long> countForItems(Collection<Long> itemPks) {
        Map<Long, Long> counts = new HashMap<>();
        if (itemPks.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = getSession().createNativeQuery("""
                SELECT an.item_pk, count(*) FROM {h-schema}answer an
                 WHERE an.item_pk = ANY(:itemPks) GROUP BY an.item_pk""", Object[].class)
                .setParameter("itemPks", itemPks.stream().mapToLong(Long::longValue).toArray(), long[].class)
                .getResultList();
        for (Object[] row : rows) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
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

    /** Answers the annotator has given, in every project. */
    public long countForAnnotator(String annotatorId) {
        return count("annotatorId", annotatorId);
    }
}
