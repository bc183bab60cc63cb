package dev.centaur.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Debian PostgreSQL cluster serving a port (as .ci/run starts it), restarted with
 * pg_ctlcluster: every open connection of every service breaks at once. Needs root or the
 * postgres user, as in CI.
 */
record PostgresCluster(String version, String name, int port) {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** The cluster pg_lsclusters lists on {@code port}. */
    static PostgresCluster onPort(int port) {
        String listing = run(List.of("pg_lsclusters", "--no-header"));
        for (String line : listing.lines().toList()) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 3 && columns[2].equals(String.valueOf(port))) {
                return new PostgresCluster(columns[0], columns[1], port);
            }
        }
        throw new AssertionError("pg_lsclusters lists no cluster on port " + port + ":\n" + listing);
    }

    /** Restarts the server (fast shutdown: sessions are cut) and waits until it takes connections. */
    void restart() {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "restart"));
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                    "postgres", "")) {
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    fail("PostgreSQL " + version + "/" + name + " did not come back within " + READY_TIMEOUT.toSeconds()
                            + " s: " + e.getMessage());
                }
                Rpc.sleep(Duration.ofMillis(200));
            }
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + " (the database fault needs Debian's "
                    + "postgresql-common and root, as in CI): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }
}
