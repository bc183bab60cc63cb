package dev.centaur.router.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/** The labeled evidence the cost-quality curve is computed from. */
@ApplicationScoped
public class CurveEvidenceRepository {

    /** A model distribution (project label order) with the label it is judged against. */
    public record Judged(double[] distribution, String referenceLabel) {
    }

    /** Items with both a crowd final label and a gold label, and how many of the crowd's agree. */
    public record CrowdGoldPairs(long pairs, long crowdCorrect) {
    }

    @Inject
    EntityManager entityManager;

    /** Held-out golden items the model has predicted: judged against the gold label. */
    public List<Judged> predictedGolden(String projectId) {
        return judged("""
                SELECT model_probabilities, gold_label FROM golden_item
                WHERE project_id = ? AND holdout AND model_probabilities IS NOT NULL
                ORDER BY item_id
                """, projectId);
    }

    /**
     * Project items with a distribution and a crowd (or hybrid) final label and no golden twin:
     * judged against the crowd's label where no gold exists. A twin is left out whatever its side
     * of the split, since a training item would flatter the model.
     */
    public List<Judged> crowdLabeled(String projectId) {
        return judged("""
                SELECT i.model_probabilities, f.label
                FROM final_label f JOIN item i ON i.project_id = f.project_id AND i.item_id = f.item_id
                WHERE f.project_id = ? AND f.source IN ('CROWD', 'HYBRID') AND i.model_probabilities IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM golden_item g
                                  WHERE g.project_id = f.project_id AND g.item_id = f.item_id)
                ORDER BY f.item_id
                """, projectId);
    }

    /** Crowd (or hybrid) final labels of items that are also golden items (same id). */
    public CrowdGoldPairs crowdGoldPairs(String projectId) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE f.label = g.gold_label)
                FROM final_label f JOIN golden_item g ON g.project_id = f.project_id AND g.item_id = f.item_id
                WHERE f.project_id = :projectId AND f.source IN ('CROWD', 'HYBRID')
                """)
                .setParameter("projectId", projectId)
                .getSingleResult();
        return new CrowdGoldPairs(ItemRepository.asLong(row[0]), ItemRepository.asLong(row[1]));
    }

    /** Arrays are read through JDBC: their Java type is then certain. */
    private List<Judged> judged(String sql, String projectId) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, projectId);
                try (ResultSet rows = statement.executeQuery()) {
                    List<Judged> judged = new ArrayList<>();
                    while (rows.next()) {
                        Array array = rows.getArray(1);
                        Object[] values = (Object[]) array.getArray();
                        double[] distribution = new double[values.length];
                        for (int i = 0; i < values.length; i++) {
                            distribution[i] = ((Number) values[i]).doubleValue();
                        }
                        judged.add(new Judged(distribution, rows.getString(2)));
                    }
                    return judged;
                }
            }
        });
    }
}
