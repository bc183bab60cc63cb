package dev.centaur.cli.launch;

import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the database and the packaged services come from: the options {@code centaur demo} and
 * {@code centaur up} share, as a picocli mixin.
 */
public class PlatformOptions {

    @Option(names = "--db-host", defaultValue = "127.0.0.1", description = "PostgreSQL host to try first. Default: ${DEFAULT-VALUE}.")
    public String dbHost;

    @Option(names = "--db-port", defaultValue = "5432", description = "PostgreSQL port to try first. Default: ${DEFAULT-VALUE}.")
    public int dbPort;

    @Option(names = "--db-user", defaultValue = "postgres", description = "PostgreSQL user (trust auth). Default: ${DEFAULT-VALUE}.")
    public String dbUser;

    @Option(names = "--db-name", defaultValue = "centaur", description = "Database, created if missing. Default: ${DEFAULT-VALUE}.")
    public String dbName;

    @Option(names = "--fresh", description = "Drop the schemas inference, router, crowd and qc first.")
    public boolean fresh;

    @Option(names = "--services-dir", paramLabel = "<dir>",
            description = "Repository root (or a copy) with <service>/target/quarkus-app/quarkus-run.jar. Default: found from the working directory.")
    public Path servicesDir;

    @Option(names = "--service-heap", defaultValue = "768m", description = "-Xmx of each service JVM. Default: ${DEFAULT-VALUE}.")
    public String serviceHeap;

    @Option(names = "--startup-timeout", defaultValue = "240", description = "Seconds to wait for the services to be ready. Default: ${DEFAULT-VALUE}.")
    public int startupTimeoutSeconds;

    @Option(names = "--no-auth",
            description = "Start the services with auth off (CENTAUR_AUTH_ENABLED=false): every caller, with or without a token, "
                    + "may do everything. For debugging only. By default every run makes a fresh service token and admin token; "
                    + "the admin token goes to <run-dir>/admin-token (owner-only), where the other commands find it.")
    public boolean noAuth;

    /** The local PostgreSQL if it answers, else an embedded one; the database created if missing. */
    public Database provideDatabase(PrintStream out) {
        return new DatabaseProvider(dbHost, dbPort, dbUser, out).provide(dbName, fresh);
    }

    /** A launcher for the packaged services, found from the working directory unless given. */
    public ServiceLauncher launcher(PrintStream out) {
        Path services = servicesDir != null ? servicesDir : ServiceLauncher.findServicesDir(Path.of(""));
        return new ServiceLauncher(services, serviceHeap, Duration.ofSeconds(startupTimeoutSeconds), out).withAuth(!noAuth);
    }
}
