package dev.centaur.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether anything was written to the PostgreSQL cluster between two points: a transaction that
 * writes (inserts, updates, deletes, row locks) is given a transaction id, a read-only one is not,
 * so an unchanged next-xid means no service wrote anything, in any table. The services must be
 * idle for this to say something (no workload runs beside the bad-input suite).
 */
final class DatabaseWrites implements AutoCloseable {

    private final Connection connection;

    DatabaseWrites(String jdbcUrl, String user, String password) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, user, password);
        this.connection.setAutoCommit(true);
    }

    /** The next transaction id the cluster will hand out. */
    long nextTransactionId() {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text")) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the transaction counter: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
