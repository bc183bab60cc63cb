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
