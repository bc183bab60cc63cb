package dev.centaur.qc.repository;

import dev.centaur.qc.service.FinalLabelSource;
import dev.centaur.qc.service.GroupTally;
import dev.centaur.qc.service.OfferedItem;
import dev.centaur.qc.service.OfferedLabel;
import dev.centaur.qc.service.StratumTally;
import dev.centaur.qc.service.Verdict;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OfferedLabelRepository implements PanacheRepository<OfferedLabel> {

    /**
     * Stores the offered label unless the item was offered before. ON CONFLICT keeps a repeat,
     * even a concurrent one, from changing anything.
     *
     * @return the new row's id, or empty for a repeat
     */
    public Optional<Long> insertIfNew(String projectId, OfferedItem item, boolean sampled, double sampleRate,
            int reviewsRequired, Instant now) {
        List<?> ids = getEntityManager().createNativeQuery("""
                        INSERT INTO qc.offered_label (project_id, item_id, text, text_a, text_b, final_label,
                                                      source, confidence, model_version, sampled, offered_at,
                                                      control, sample_rate, reviews_required)
                        VALUES (:projectId, :itemId, :text, :textA, :textB, :finalLabel,
                                :source, :confidence, :modelVersion, :sampled, :offeredAt,
                                :control, :sampleRate, :reviewsRequired)
                        ON CONFLICT (project_id, item_id) DO NOTHING
                        RETURNING id""")
                .setParameter("projectId", projectId)
                .setParameter("itemId", item.itemId())
                .setParameter("text", item.content().text())
                .setParameter("textA", item.content().textA())
                .setParameter("textB", item.content().textB())
                .setParameter("finalLabel", item.finalLabel())
                .setParameter("source", item.source().name())
                .setParameter("confidence", item.confidence())
                .setParameter("modelVersion", item.modelVersion())
                .setParameter("sampled", sampled)
                .setParameter("offeredAt", now)
                .setParameter("control", item.control())
                .setParameter("sampleRate", sampleRate)
                .setParameter("reviewsRequired", (short) reviewsRequired)
                .getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** Serialises offers of one model version's labels until the transaction ends. */
    public void lockModelVersion(String projectId, String modelVersion) {
        getEntityManager()
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "qc-model-version:" + projectId + "/" + modelVersion)
                .getSingleResult();
    }

    /** MODEL labels of the version offered so far, counted up to {@code limit} (all the caller needs). */
    public long countModelLabels(String projectId, String modelVersion, int limit) {
        return ((Number) getEntityManager().createNativeQuery("""
                        SELECT COUNT(*) FROM (
                            SELECT 1 FROM qc.offered_label
                            WHERE project_id = :projectId AND model_version = :modelVersion
                              AND source = 'MODEL' AND NOT control
                            LIMIT :limit) first_labels""")
                .setParameter("projectId", projectId)
                .setParameter("modelVersion", modelVersion)
                .setParameter("limit", limit)
                .getSingleResult()).longValue();
    }

    /** The label row, locked so that the answers of one item's review rounds are decided one at a time. */
    public OfferedLabel findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Strata (source, sampling rate) with their counts: of one project, or of all when none is given. */
    public List<StratumTally> strata(Optional<String> projectId) {
        String projectFilter = projectId.isPresent() ? "AND project_id = :projectId" : "";
        Query query = getEntityManager().createNativeQuery("""
                SELECT project_id, source, sample_rate, COUNT(*), COUNT(*) FILTER (WHERE sampled),
                       COUNT(verdict_at), COUNT(*) FILTER (WHERE verdict_correct)
                FROM qc.offered_label
                WHERE NOT control %s
                GROUP BY project_id, source, sample_rate
                ORDER BY project_id, source, sample_rate""".formatted(projectFilter), Object[].class);
        projectId.ifPresent(id -> query.setParameter("projectId", id));
        return rows(query).stream().map(row -> new StratumTally(
                (String) row[0],
                FinalLabelSource.valueOf((String) row[1]),
                row[2] == null ? null : ((Number) row[2]).doubleValue(),
                number(row[3]), number(row[4]), number(row[5]), number(row[6]))).toList();
    }

    /** Per final label value, the labels with decided reviews. */
    public List<GroupTally> tallyByLabel(String projectId) {
        return groupTallies(projectId, "final_label", "");
    }

    /** Per model version, the MODEL labels with decided reviews. */
    public List<GroupTally> tallyByModelVersion(String projectId) {
        return groupTallies(projectId, "model_version", "AND source = 'MODEL'");
    }

    private List<GroupTally> groupTallies(String projectId, String column, String filter) {
        Query query = getEntityManager().createNativeQuery("""
                SELECT %1$s, COUNT(*), COUNT(verdict_at), COUNT(*) FILTER (WHERE verdict_correct)
                FROM qc.offered_label
                WHERE project_id = :projectId AND NOT control %2$s
                GROUP BY %1$s
                HAVING COUNT(verdict_at) > 0
                ORDER BY %1$s""".formatted(column, filter), Object[].class)
                .setParameter("projectId", projectId);
        return rows(query).stream()
                .map(row -> new GroupTally((String) row[0], number(row[1]), number(row[2]), number(row[3])))
                .toList();
    }

    /**
     * The newest {@code perSource} decided verdicts of each (project, source), oldest first within
     * each: of one project (and source), or of all when none is given.
     */
    public List<Verdict> recentVerdicts(Optional<String> projectId, Optional<FinalLabelSource> source, int perSource) {
        String projectFilter = projectId.isPresent() ? "AND project_id = :projectId" : "";
        String sourceFilter = source.isPresent() ? "AND source = :source" : "";
        Query query = getEntityManager().createNativeQuery("""
                SELECT project_id, source, verdict_correct, verdict_at FROM (
                    SELECT project_id, source, verdict_correct, verdict_at, id,
                           row_number() OVER (PARTITION BY project_id, source ORDER BY verdict_at DESC, id DESC) AS age
                    FROM qc.offered_label
                    WHERE verdict_at IS NOT NULL AND NOT control %s %s) recent
                WHERE age <= :perSource
                ORDER BY project_id, source, verdict_at, id""".formatted(projectFilter, sourceFilter), Object[].class)
                .setParameter("perSource", perSource);
        projectId.ifPresent(id -> query.setParameter("projectId", id));
        source.ifPresent(s -> query.setParameter("source", s.name()));
        return rows(query).stream().map(row -> new Verdict(
                (String) row[0],
                FinalLabelSource.valueOf((String) row[1]),
                (Boolean) row[2],
                instant(row[3]))).toList();
    }

    private static List<Object[]> rows(Query query) {
        return query.getResultList().stream().map(Object[].class::cast).toList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }
}
