package dev.centaur.cli.command;

import dev.centaur.cli.client.ServiceAddresses;
import dev.centaur.cli.demo.DemoRunner;
import dev.centaur.cli.launch.Database;
import dev.centaur.cli.launch.DatabaseProvider;
import dev.centaur.cli.launch.RunningServices;
import dev.centaur.cli.launch.ServiceLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code centaur up}: the demo's first two steps only (PostgreSQL, the four services), leaving the
 * services running for the other commands.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start PostgreSQL (if needed) and the four services, and leave them running.")
public class UpCommand implements Callable<Integer> {

    @Option(names = "--services-dir", paramLabel = "<dir>",
            description = "Where the packaged services are (<svc>/target/quarkus-app or <svc>/quarkus-app). Default: the checkout.")
    Path servicesDir;

    @Option(names = "--base-port", defaultValue = "8080", description = "Router's port; inference +1, crowd +2, qc +3. Default: ${DEFAULT-VALUE}.")
    int basePort;

    @Option(names = "--db-host", defaultValue = "127.0.0.1", description = "PostgreSQL host to try first. Default: ${DEFAULT-VALUE}.")
    String dbHost;

    @Option(names = "--db-port", defaultValue = "5432", description = "PostgreSQL port to try first. Default: ${DEFAULT-VALUE}.")
    int dbPort;

    @Option(names = "--db-user", defaultValue = "postgres", description = "PostgreSQL user (trust auth). Default: ${DEFAULT-VALUE}.")
    String dbUser;

    @Option(names = "--db-name", defaultValue = "centaur", description = "Database, created if missing. Default: ${DEFAULT-VALUE}.")
    String dbName;

    @Option(names = "--fresh", description = "Drop the schemas inference, router, crowd and qc first.")
    boolean fresh;

    @Option(names = "--service-heap", defaultValue = "768m", description = "-Xmx of each service JVM. Default: ${DEFAULT-VALUE}.")
    String serviceHeap;

    @Option(names = "--startup-timeout", defaultValue = "240", description = "Seconds to wait for the services to be ready. Default: ${DEFAULT-VALUE}.")
    int startupTimeoutSeconds;

    @Option(names = "--run-dir", paramLabel = "<dir>", description = "Where the service logs go. Default: <tmp>/centaur-runs/up-<base-port>.")
    Path runDir;

    @Override
    public Integer call() {
        return Commands.run("up", () -> {
            Path services = servicesDir != null ? servicesDir : ServiceLauncher.findServicesDir(Path.of(""));
            Path logs = runDir != null ? runDir : Path.of(System.getProperty("java.io.tmpdir"), "centaur-runs", "up-" + basePort);
            Database database = new DatabaseProvider(dbHost, dbPort, dbUser, System.out).provide(dbName, fresh);
            boolean started = false;
            try {
                RunningServices running = new ServiceLauncher(services, serviceHeap, Duration.ofSeconds(startupTimeoutSeconds), System.out)
                        .start(ServiceAddresses.fromBasePort("127.0.0.1", basePort), database, logs);
                started = true;
                DemoRunner.keep(running, database, System.out);
            } finally {
                if (!started) {
                    DemoRunner.closeQuietly(database, System.out);
                }
            }
        });
    }
}
