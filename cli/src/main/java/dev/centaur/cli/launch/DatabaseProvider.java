package dev.centaur.cli.launch;

import dev.centaur.cli.CliException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Finds the database for a run: the local PostgreSQL when it answers (creating the database if
 * missing), else an embedded PostgreSQL started for this run. Optionally drops the services'
 * schemas first so Flyway migrates them anew and the run starts clean.
 */
public final class DatabaseProvider {

    /** The schemas the services own; each service's Flyway creates its own again. */
    public static final List<String> SERVICE_SCHEMAS = List.of("inference", "router", "crowd", "qc");

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int CONNECT_TIMEOUT_SECONDS = 3;

    private final String host;
    private final int port;
    private final String username;
    private final PrintStream log;

    public DatabaseProvider(String host, int port, String username, PrintStream log) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.log = log;
    }

    public Database provide(String databaseName, boolean dropServiceSchemas) {
        if (!DATABASE_NAME.matcher(databaseName).matches()) {
            throw new CliException("--db-name must match " + DATABASE_NAME.pattern() + ", was '" + databaseName + "'");
        }
        Database database = localServerAnswers() ? local(databaseName) : embedded(databaseName);
        if (dropServiceSchemas) {
            dropSchemas(database);
        }
        return database;
    }

    private boolean localServerAnswers() {
        try (Connection ignored = connect(jdbcUrl(host, port, "postgres"), username, "")) {
            return true;
        } catch (SQLException e) {
            log.println("No PostgreSQL answers on " + host + ":" + port + " (" + e.getMessage()
                    + "); starting an embedded one.");
            return false;
        }
    }

    private Database local(String databaseName) {
        try (Connection admin = connect(jdbcUrl(host, port, "postgres"), username, "")) {
            createDatabaseIfMissing(admin, databaseName);
        } catch (SQLException e) {
            throw new CliException("Cannot create database " + databaseName + " on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        log.println("Database: PostgreSQL on " + host + ":" + port + ", database " + databaseName);
        return new Database(jdbcUrl(host, port, databaseName), username, "", null);
    }

    private Database embedded(String databaseName) {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (Exception e) {
            String hint = "root".equals(System.getProperty("user.name"))
                    ? " PostgreSQL refuses to run as root: start a PostgreSQL server on " + host + ":" + port
                    + " (user " + username + ", trust auth), or run centaur as an ordinary user."
                    : "";
            throw new CliException("Cannot start an embedded PostgreSQL: " + rootCause(e) + "." + hint, e);
        }
        String adminUrl = postgres.getJdbcUrl("postgres", "postgres");
        try (Connection admin = connect(adminUrl, "postgres", "")) {
            createDatabaseIfMissing(admin, databaseName);
        } catch (SQLException e) {
            closeQuietly(postgres);
            throw new CliException("Cannot create database " + databaseName + " in the embedded PostgreSQL: " + e.getMessage(), e);
        }
        String url = jdbcUrl("127.0.0.1", postgres.getPort(), databaseName);
        log.println("Database: embedded PostgreSQL on 127.0.0.1:" + postgres.getPort() + ", database " + databaseName
                + " (stops when this command ends)");
        return new Database(url, "postgres", "", postgres);
    }

    private static void createDatabaseIfMissing(Connection admin, String databaseName) throws SQLException {
        try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, databaseName);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (Statement create = admin.createStatement()) {
            // The name was checked against DATABASE_NAME, so quoting it is safe.
            create.execute("CREATE DATABASE \"" + databaseName + "\"");
        } catch (SQLException e) {
            // Another run may have created it in the meantime: 42P04 = duplicate_database.
            if (!"42P04".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private void dropSchemas(Database database) {
        try (Connection connection = connect(database.jdbcUrl(), database.username(), database.password());
             Statement drop = connection.createStatement()) {
            drop.execute("DROP SCHEMA IF EXISTS " + String.join(", ", SERVICE_SCHEMAS) + " CASCADE");
            log.println("Dropped schemas " + String.join(", ", SERVICE_SCHEMAS) + " (--fresh)");
        } catch (SQLException e) {
            throw new CliException("Cannot drop the service schemas in " + database.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    static String jdbcUrl(String host, int port, String databaseName) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(url, properties);
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
