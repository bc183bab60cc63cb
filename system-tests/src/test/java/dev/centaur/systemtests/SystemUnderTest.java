package dev.centaur.systemtests;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.ServiceAddresses;
import dev.centaur.cli.demo.DemoRunner;
import dev.centaur.cli.launch.CentaurService;
import dev.centaur.cli.launch.Database;
import dev.centaur.cli.launch.DatabaseProvider;
import dev.centaur.cli.launch.RunningServices;
import dev.centaur.cli.launch.ServiceLauncher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The four packaged services on their own ports and database, started by the cli's launcher with
 * short shutdown delays and worker pauses so faults and their recovery fit in a CI run. Auth is
 * on as in production: {@link #clients} send the run's admin token (the launcher makes a fresh
 * one each run; restarted services keep it), annotators and experts their own tokens.
 */
final class SystemUnderTest implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    /** Readiness is DOWN this long after SIGTERM while requests are still served (5 s in production). */
    static final Duration SHUTDOWN_DELAY = Duration.ofSeconds(2);

    /** Production values are tuned for load, not for a test that waits on them. */
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "QUARKUS_SHUTDOWN_DELAY", SHUTDOWN_DELAY.toMillis() + "ms",
            "CENTAUR_ROUTER_ROUTING_RETRY_BACKOFF", "1s",
            "CENTAUR_ROUTER_OUTBOX_RETRY_BACKOFF", "1s",
            "CENTAUR_ROUTER_CORRECTIONS_INTERVAL", "500ms",
            "CENTAUR_ROUTER_CORRECTIONS_POLL_INTERVAL", "1s",
            "CENTAUR_ROUTER_VERDICTS_INTERVAL", "500ms",
            "CENTAUR_ROUTER_VERDICTS_POLL_INTERVAL", "1s");
    private static final String HEAP = "512m";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration RPC_TIMEOUT = Duration.ofSeconds(20);

    final ServiceAddresses addresses;
    final Database database;
    final RunningServices services;
    final CentaurClients clients;
    final Path runDir;
    private final PrintStream out;

    private SystemUnderTest(ServiceAddresses addresses, Database database, RunningServices services, Path runDir,
            PrintStream out) {
        this.addresses = addresses;
        this.database = database;
        this.services = services;
        this.runDir = runDir;
        this.out = out;
        this.clients = new CentaurClients(addresses, RPC_TIMEOUT,
                services.adminToken().orElseThrow(() -> new AssertionError("the launcher started the services without auth")));
    }

    /** Fresh schemas in {@code databaseName} on the PostgreSQL at 127.0.0.1:{@code dbPort}, then the services. */
    static SystemUnderTest start(Path servicesDir, int basePort, int dbPort, String databaseName, Path runDir,
            PrintStream out) {
        for (CentaurService service : CentaurService.values()) {
            if (ServiceLauncher.jarOf(servicesDir, service).isEmpty()) {
                fail(service.module() + " is not packaged under " + servicesDir + ": run `mvn -B verify` from the "
                        + "repository root (it packages the services before this module), or -DskipTests install first.");
            }
        }
        Database database = new DatabaseProvider(HOST, dbPort, "postgres", out).provide(databaseName, true);
        if (database.isEmbedded()) {
            DemoRunner.closeQuietly(database, out);
            fail("No PostgreSQL answers on " + HOST + ":" + dbPort + "; these tests restart it, so they need a real one");
        }
        ServiceAddresses addresses = ServiceAddresses.fromBasePort(HOST, basePort);
        RunningServices services = new ServiceLauncher(servicesDir, HEAP, STARTUP_TIMEOUT, out)
                .withEnvironment(ENVIRONMENT).start(addresses, database, runDir);
        return new SystemUnderTest(addresses, database, services, runDir, out);
    }

    int port(CentaurService service) {
        return service.port(addresses);
    }

    @Override
    public void close() {
        clients.close();
        services.close();
        DemoRunner.closeQuietly(database, out);
    }
}
