package dev.centaur.qc.grpc;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads (and, to simulate time passing, edits) QC's tables directly, beside the service. */
@ApplicationScoped
public class QcRows {

    /** Row counts of every QC table, to prove a refused request wrote nothing. */
    record Counts(long projects, long offeredLabels, long reviews, long leasedReviews, long answeredReviews,
            long verdicts, long corrections, long verdictFeed) {
    }

    private final AgroalDataSource dataSource;

    QcRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    Counts counts() {
        return new Counts(
                number("SELECT COUNT(*) FROM qc.project"),
                number("SELECT COUNT(*) FROM qc.offered_label"),
                number("SELECT COUNT(*) FROM qc.review"),
                number("SELECT COUNT(*) FROM qc.review WHERE expert_id IS NOT NULL"),
                number("SELECT COUNT(*) FROM qc.review WHERE answered_at IS NOT NULL"),
                number("SELECT COUNT(*) FROM qc.offered_label WHERE verdict_at IS NOT NULL"),
                number("SELECT COUNT(*) FROM qc.correction"),
                number("SELECT COUNT(*) FROM qc.verdict"));
    }

    long number(String sql, Object... parameters) {
        return Long.parseLong(strings(sql, parameters).get(0));
    }

    List<String> strings(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Makes the review's lease run out now, as if the lease time had passed. */
    void expireLease(String reviewId) {
        update("UPDATE qc.review SET lease_expires_at = now() - interval '1 second' WHERE review_id = ?::uuid",
                reviewId);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
