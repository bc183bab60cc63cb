package dev.centaur.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Whether any row of the services' schemas was inserted, updated or deleted between two points:
 * one query takes each table's row count and the newest row version (PostgreSQL's {@code xmin},
 * which every insert and update sets). Row locks and rolled-back work leave it unchanged, as they
 * leave the data. The services must be otherwise idle for a difference to mean something.
 */
final class DatabaseWrites implements AutoCloseable {

    private final Connection connection;
    private final String fingerprintQuery;

    DatabaseWrites(String jdbcUrl, String user, String password, List<String> schemas) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, user, password);
        this.connection.setAutoCommit(true);
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                     + " WHERE table_type = 'BASE TABLE' AND table_schema IN ('" + String.join("','", schemas) + "')"
                     + " AND table_name <> 'flyway_schema_history' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables in the schemas " + schemas + ": have the services migrated?");
        }
        StringJoiner query = new StringJoiner(" UNION ALL ");
        for (String table : tables) {
            query.add("SELECT '" + table + "' || ':' || count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM " + table);
        }
        this.fingerprintQuery = query.toString();
    }

    /** Each table's row count and newest row version, as one string. */
    String fingerprint() {
        StringBuilder text = new StringBuilder();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(fingerprintQuery)) {
            while (rs.next()) {
                text.append(rs.getString(1)).append(' ');
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tables: " + e.getMessage(), e);
        }
        return text.toString();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
