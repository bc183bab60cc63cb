package dev.centaur.router.repository;

import dev.centaur.router.curve.CrowdAccuracy.Tally;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** The labeled evidence the cost-quality curve is computed from. */
@ApplicationScoped
public class CurveEvidenceRepository {

    /**
     * A model distribution (project label order) with the label it is judged against; for a
     * qc-reviewed item also whether the model had labeled it (else it went to the crowd).
     */
    public record Judged(double[] distribution, String referenceLabel, boolean modelRouted) {
    }

    /** Items of one model version routed so far, per route. */
    public record RouteCensus(long toModel, long toCrowd) {
    }

    /** A project item with a golden twin (same id) is judged by its gold label only. */
    private static final String NO_GOLDEN_TWIN = """
            NOT EXISTS (SELECT 1 FROM golden_item g WHERE g.project_id = i.project_id AND g.item_id = i.item_id)""";

    @Inject
    EntityManager entityManager;

    /** Held-out golden items the model has predicted: judged against the gold label. */
    public List<Judged> predictedGolden(String projectId) {
        return judged("""
                SELECT model_probabilities, gold_label, false FROM golden_item
                WHERE project_id = ? AND holdout AND model_probabilities IS NOT NULL
                ORDER BY item_id
                """, projectId);
    }

    /**
     * Project items with a distribution and a crowd (or hybrid) final label and no golden twin:
     * judged against the crowd's label where no gold exists. A twin is left out whatever its side
     * of the split, since a training item would flatter the model; so is a reviewed item when the
     * experts judge it already.
     */
    public List<Judged> crowdLabeled(String projectId, boolean withoutReviewed) {
        return judged("""
                SELECT i.model_probabilities, f.label, false
                FROM final_label f JOIN item i ON i.project_id = f.project_id AND i.item_id = f.item_id
                WHERE f.project_id = ? AND f.source IN ('CROWD', 'HYBRID') AND i.model_probabilities IS NOT NULL
                  AND %s
                  AND (NOT ? OR NOT EXISTS (SELECT 1 FROM qc_verdict v
                                            WHERE v.project_id = f.project_id AND v.item_id = f.item_id))
                ORDER BY f.item_id
                """.formatted(NO_GOLDEN_TWIN), projectId, withoutReviewed);
    }

    /** The model version routing the project now: the one of the item routed last. */
    public Optional<String> currentModelVersion(String projectId) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT model_version FROM item
                WHERE project_id = :projectId AND model_version IS NOT NULL
                ORDER BY routed_at DESC, item_id DESC
                LIMIT 1
                """)
                .setParameter("projectId", projectId)
                .getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    /**
     * Items of the version reviewed by qc's experts, without golden twin: the model's distribution
     * judged against the experts' label, and the route the item took (the source qc reviewed).
     */
    public List<Judged> reviewedByQc(String projectId, String modelVersion) {
        return judged("""
                SELECT i.model_probabilities, v.expert_label, v.reviewed_source = 'MODEL'
                FROM qc_verdict v JOIN item i ON i.project_id = v.project_id AND i.item_id = v.item_id
                WHERE v.project_id = ? AND i.model_version = ? AND i.model_probabilities IS NOT NULL AND %s
                ORDER BY v.sequence
                """.formatted(NO_GOLDEN_TWIN), projectId, modelVersion);
    }

    /**
     * Items of the version routed so far, without golden twin, by route: the model's when its label
     * was the first final label (a corrected one keeps its route), else the crowd's, labeled or not.
     * The first correction of each item is read in one pass and joined, not looked up per item.
     */
    public RouteCensus routeCensus(String projectId, String modelVersion) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                SELECT count(*) FILTER (WHERE route = 'MODEL'), count(*) FILTER (WHERE route <> 'MODEL')
                FROM (SELECT coalesce(c.previous_source, f.source, 'CROWD') AS route
                      FROM item i
                      LEFT JOIN final_label f ON f.project_id = i.project_id AND f.item_id = i.item_id
                      LEFT JOIN (SELECT DISTINCT ON (item_id) item_id, previous_source FROM label_correction
                                 WHERE project_id = :projectId ORDER BY item_id, sequence) c ON c.item_id = i.item_id
                      WHERE i.project_id = :projectId AND i.model_version = :modelVersion
                        AND i.model_probabilities IS NOT NULL AND %s) routed
                """.formatted(NO_GOLDEN_TWIN))
                .setParameter("projectId", projectId)
                .setParameter("modelVersion", modelVersion)
                .getSingleResult();
        return new RouteCensus(ItemRepository.asLong(row[0]), ItemRepository.asLong(row[1]));
    }

    /** Crowd (or hybrid) final labels of items that are also golden items (same id), against gold. */
    public Tally crowdGoldPairs(String projectId) {
        return tally("""
                SELECT count(*), count(*) FILTER (WHERE f.label = g.gold_label)
                FROM final_label f JOIN golden_item g ON g.project_id = f.project_id AND g.item_id = f.item_id
                WHERE f.project_id = :projectId AND f.source IN ('CROWD', 'HYBRID')
                """, projectId);
    }

    /** Crowd (or hybrid) labels reviewed by qc's experts, without golden twin, against the experts' label. */
    public Tally crowdLabelsReviewed(String projectId) {
        return tally("""
                SELECT count(*), count(*) FILTER (WHERE v.reviewed_label = v.expert_label)
                FROM qc_verdict v
                WHERE v.project_id = :projectId AND v.reviewed_source IN ('CROWD', 'HYBRID')
                  AND NOT EXISTS (SELECT 1 FROM golden_item g WHERE g.project_id = v.project_id AND g.item_id = v.item_id)
                """, projectId);
    }

    private Tally tally(String sql, String projectId) {
        Object[] row = (Object[]) entityManager.createNativeQuery(sql)
                .setParameter("projectId", projectId)
                .getSingleResult();
        return new Tally(ItemRepository.asLong(row[0]), ItemRepository.asLong(row[1]));
    }

    /** Arrays are read through JDBC: their Java type is then certain. */
    private List<Judged> judged(String sql, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    List<Judged> judged = new ArrayList<>();
                    while (rows.next()) {
                        judged.add(new Judged(distribution(rows.getArray(1)), rows.getString(2), rows.getBoolean(3)));
                    }
                    return judged;
                }
            }
        });
    }

    private static double[] distribution(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        double[] distribution = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            distribution[i] = ((Number) values[i]).doubleValue();
        }
        return distribution;
    }
}
