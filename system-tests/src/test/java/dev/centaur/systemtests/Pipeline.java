package dev.centaur.systemtests;

import dev.centaur.cli.launch.Database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the services left in their tables for one project, read directly: the outboxes of every
 * hand-off (router to crowd and qc, crowd to router, router to crowd's skills) and the answers and
 * corrections behind the final labels. Only a test reads another service's schema.
 */
final class Pipeline {

    /** The label and source an expert correction replaced. */
    record Replaced(String label, String source) {
    }

    private final Database database;

    Pipeline(Database database) {
        this.database = database;
    }

    /** Router items not yet labeled: NEW (awaiting the model), TO_CROWD (hand-off due), WITH_CROWD. */
    long itemsNotLabeled(String projectId) {
        return count("SELECT count(*) FROM router.item WHERE project_id = ? AND status <> 'LABELED'", projectId);
    }

    /** Router's outbox to qc: final labels not yet offered. */
    long labelsNotOfferedToQc(String projectId) {
        return count("SELECT count(*) FROM router.final_label WHERE project_id = ? AND NOT offered_to_qc", projectId);
    }

    /** Router's outbox to crowd's skills: expert verdicts on crowd labels not yet sent. */
    long expertVerdictsNotSentToCrowd(String projectId) {
        return count("SELECT count(*) FROM router.crowd_verdict_outbox WHERE project_id = ? AND outcome IS NULL", projectId);
    }

    /** Crowd's outbox to router: aggregates not yet reported. */
    long crowdResultsNotReported(String projectId) {
        return count("SELECT count(*) FROM crowd.result_outbox WHERE project_id = ? AND reported_at IS NULL", projectId);
    }

    long crowdResults(String projectId) {
        return count("SELECT count(*) FROM crowd.result_outbox WHERE project_id = ?", projectId);
    }

    long crowdItems(String projectId) {
        return count("SELECT count(*) FROM crowd.item WHERE project_id = ?", projectId);
    }

    long crowdAnswers(String projectId) {
        return count("SELECT count(*) FROM crowd.answer an JOIN crowd.item i ON i.id = an.item_pk WHERE i.project_id = ?",
                projectId);
    }

    /** The most answers any one item of the project got. */
    long mostAnswersOnOneItem(String projectId) {
        return count("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM crowd.answer an "
                + "JOIN crowd.item i ON i.id = an.item_pk WHERE i.project_id = ? GROUP BY an.item_pk) per_item", projectId);
    }

    long offeredToQc(String projectId) {
        return count("SELECT count(*) FROM qc.offered_label WHERE project_id = ?", projectId);
    }

    long qcCorrections(String projectId) {
        return count("SELECT count(*) FROM qc.correction WHERE project_id = ?", projectId);
    }

    long routerCorrections(String projectId) {
        return count("SELECT count(*) FROM router.label_correction WHERE project_id = ?", projectId);
    }

    /** Item id -> what its expert correction replaced. */
    Map<String, Replaced> replacedLabels(String projectId) {
        Map<String, Replaced> replaced = new HashMap<>();
        query("SELECT item_id, previous_label, previous_source FROM router.label_correction WHERE project_id = ?",
                projectId, rows -> replaced.put(rows.getString(1), new Replaced(rows.getString(2), rows.getString(3))));
        return replaced;
    }

    private long count(String sql, String projectId) {
        long[] value = new long[1];
        query(sql, projectId, rows -> value[0] = rows.getLong(1));
        return value[0];
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, String projectId, RowReader reader) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, projectId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read " + sql + ": " + e.getMessage(), e);
        }
    }
}
