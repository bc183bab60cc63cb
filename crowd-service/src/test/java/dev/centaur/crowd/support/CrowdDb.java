package dev.centaur.crowd.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the crowd schema directly, so tests can check what was (not) written. */
@ApplicationScoped
public class CrowdDb {

    @Inject
    AgroalDataSource dataSource;

    /** Runs a query returning one number, e.g. a count; {@code ?} parameters bound in order. */
    public long number(String sql, Object... parameters) {
        return query(sql, parameters, result -> {
            result.next();
            return result.getLong(1);
        });
    }

    /** Runs a query returning one text value, or null when it returns no row. */
    public String text(String sql, Object... parameters) {
        return query(sql, parameters, result -> result.next() ? result.getString(1) : null);
    }

    private interface ResultReader<T> {
        T read(ResultSet result) throws SQLException;
    }

    private <T> T query(String sql, Object[] parameters, ResultReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return reader.read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long projects(String projectId) {
        return number("SELECT count(*) FROM crowd.project WHERE project_id = ?", projectId);
    }

    public long items(String projectId) {
        return number("SELECT count(*) FROM crowd.item WHERE project_id = ?", projectId);
    }

    public long assignments(String projectId) {
        return number("SELECT count(*) FROM crowd.assignment WHERE project_id = ?", projectId);
    }

    public long answers(String projectId) {
        return number("SELECT count(*) FROM crowd.answer an JOIN crowd.item i ON i.id = an.item_pk"
                + " WHERE i.project_id = ?", projectId);
    }

    /** Items of the project waiting for the evaluation worker. */
    public long dueItems(String projectId) {
        return number("SELECT count(*) FROM crowd.item WHERE project_id = ? AND evaluation_due_at IS NOT NULL",
                projectId);
    }

    /** Items waiting for the evaluation worker, in any project. */
    public long dueItemsAnywhere() {
        return number("SELECT count(*) FROM crowd.item WHERE evaluation_due_at IS NOT NULL");
    }

    /** 1 when the item is due for evaluation or already completed, else 0. */
    public long dueOrCompleted(String projectId, String itemId) {
        return number("SELECT count(*) FROM crowd.item WHERE project_id = ? AND item_id = ?"
                + " AND (evaluation_due_at IS NOT NULL OR completed_at IS NOT NULL)", projectId, itemId);
    }

    public long completedItems(String projectId) {
        return number("SELECT count(*) FROM crowd.item WHERE project_id = ? AND completed_at IS NOT NULL", projectId);
    }

    public long outboxRows(String projectId) {
        return number("SELECT count(*) FROM crowd.result_outbox WHERE project_id = ?", projectId);
    }

    public long unreportedOutboxRows(String projectId) {
        return number("SELECT count(*) FROM crowd.result_outbox WHERE project_id = ? AND reported_at IS NULL",
                projectId);
    }
}
