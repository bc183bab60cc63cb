package dev.centaur.cli.launch;

import dev.centaur.cli.CliException;
import dev.centaur.cli.client.ServiceAddresses;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the four packaged services as separate JVMs, each with its port, the database, the
 * addresses of the others and the run's tokens in its environment, and waits until each reports
 * ready. Every run makes a fresh service token and admin token ({@link RunAuth}) unless auth is
 * off.
 */
public final class ServiceLauncher {

    private static final Duration READY_POLL = Duration.ofMillis(500);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);
    private static final int LOG_TAIL_LINES = 25;
    /**
     * Quarkus' shutdown delay keeps a stopping service serving while a load balancer notices its
     * readiness is DOWN; a local run has no load balancer, so its services stop at once.
     */
    private static final Map<String, String> LOCAL_RUN_ENVIRONMENT = Map.of("QUARKUS_SHUTDOWN_DELAY", "0s");

    private final Path servicesDir;
    private final String heap;
    private final Duration startupTimeout;
    private final PrintStream log;
    private final Map<String, String> environment;
    private final boolean authEnabled;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    public ServiceLauncher(Path servicesDir, String heap, Duration startupTimeout, PrintStream log) {
        this(servicesDir, heap, startupTimeout, log, Map.of(), true);
    }

    private ServiceLauncher(Path servicesDir, String heap, Duration startupTimeout, PrintStream log,
            Map<String, String> environment, boolean authEnabled) {
        this.servicesDir = servicesDir;
        this.heap = heap;
        this.startupTimeout = startupTimeout;
        this.log = log;
        this.environment = Map.copyOf(environment);
        this.authEnabled = authEnabled;
    }

    /**
     * A launcher that also gives every service these environment variables (Quarkus settings such
     * as {@code QUARKUS_SHUTDOWN_DELAY} or {@code CENTAUR_ROUTER_ROUTING_RETRY_BACKOFF}), over the
     * defaults.
     */
    public ServiceLauncher withEnvironment(Map<String, String> variables) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(variables);
        return new ServiceLauncher(servicesDir, heap, startupTimeout, log, merged, authEnabled);
    }

    /**
     * A launcher that starts the services with auth on (the default: fresh tokens every run) or,
     * for debugging, off ({@code CENTAUR_AUTH_ENABLED=false}: every caller may do everything).
     */
    public ServiceLauncher withAuth(boolean enabled) {
        return new ServiceLauncher(servicesDir, heap, startupTimeout, log, environment, enabled);
    }

    /**
     * The packaged application of a service: {@code <dir>/<module>/target/quarkus-app} in a
     * checkout, or {@code <dir>/<module>/quarkus-app} in a copy of the packaged apps.
     */
    public static Optional<Path> jarOf(Path servicesDir, CentaurService service) {
        for (Path candidate : List.of(
                servicesDir.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar"),
                servicesDir.resolve(service.module()).resolve("quarkus-app/quarkus-run.jar"))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The repository root: the working directory or the nearest parent with router-service/. */
    public static Path findServicesDir(Path workingDirectory) {
        for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(CentaurService.ROUTER.module()))) {
                return dir;
            }
        }
        throw new CliException("Cannot find the services from " + workingDirectory.toAbsolutePath()
                + ": no parent folder has " + CentaurService.ROUTER.module() + "/. Pass --services-dir <repository root>.");
    }

    public RunningServices start(ServiceAddresses addresses, Database database, Path runDir) {
        Map<CentaurService, Path> jars = new EnumMap<>(CentaurService.class);
        for (CentaurService service : CentaurService.values()) {
            jars.put(service, jarOf(servicesDir, service).orElseThrow(() -> new CliException(
                    "No packaged " + service.module() + " under " + servicesDir + " (expected "
                            + service.module() + "/target/quarkus-app/quarkus-run.jar): run "
                            + "`mvn -B -DskipTests package` from the repository root first.")));
            checkPortFree(service, service.port(addresses));
        }
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new CliException("Cannot create the run directory " + runDir + ": " + e.getMessage(), e);
        }
        RunAuth auth = authEnabled ? RunAuth.fresh() : RunAuth.disabled();
        Optional<Path> tokenFile = auth.writeAdminToken(runDir);
        RunPointer.record(addresses.routerPort(), runDir);
        if (tokenFile.isPresent()) {
            log.println("Admin token (owner-only file; the cli's commands on --base-port " + addresses.routerPort()
                    + " read it): " + tokenFile.get().toAbsolutePath());
        } else {
            log.println("Auth is OFF (--no-auth): every caller may do everything. Use this for debugging only.");
        }
        RunningServices running = new RunningServices(log);
        running.auth(auth, tokenFile.orElse(null));
        running.relaunchWith(new RunningServices.Relauncher() {
            @Override
            public ServiceProcess launch(CentaurService service) {
                return ServiceLauncher.this.launch(service, jars.get(service), addresses, database, runDir, auth);
            }

            @Override
            public void awaitReady(ServiceProcess process) {
                ServiceLauncher.this.awaitReady(List.of(process));
            }
        });
        try {
            for (CentaurService service : CentaurService.values()) {
                running.add(launch(service, jars.get(service), addresses, database, runDir, auth));
            }
            log.println("Services starting; logs in " + runDir);
            awaitReady(running.processes());
            return running;
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
    }

    private ServiceProcess launch(CentaurService service, Path jar, ServiceAddresses addresses, Database database,
            Path runDir, RunAuth auth) {
        int port = service.port(addresses);
        Path logFile = runDir.resolve(service.module() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Dai.djl.offline=true", "-Xmx" + heap, "-jar", jar.toString())
                .directory(runDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(serviceEnvironment(service, addresses, database, auth));
        try {
            return new ServiceProcess(service, port, builder.start(), logFile);
        } catch (IOException e) {
            throw new CliException("Cannot start " + service.module() + " (" + jar + "): " + e.getMessage(), e);
        }
    }

    /** What a service's process gets on top of this command's environment; the extra variables win. */
    Map<String, String> serviceEnvironment(CentaurService service, ServiceAddresses addresses, Database database,
            RunAuth auth) {
        Map<String, String> env = new HashMap<>(LOCAL_RUN_ENVIRONMENT);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port(addresses)));
        env.put("QUARKUS_HTTP_HOST", addresses.host());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        for (CentaurService peer : CentaurService.values()) {
            env.put("QUARKUS_GRPC_CLIENTS_" + peer.clientName() + "_HOST", addresses.host());
            env.put("QUARKUS_GRPC_CLIENTS_" + peer.clientName() + "_PORT", String.valueOf(peer.port(addresses)));
        }
        env.putAll(auth.environment());
        env.putAll(environment);
        return env;
    }

    private void awaitReady(List<ServiceProcess> processes) {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(processes);
        while (!waiting.isEmpty()) {
            for (ServiceProcess p : List.copyOf(waiting)) {
                if (!p.process().isAlive()) {
                    throw new CliException(p.service().module() + " exited with code " + p.process().exitValue()
                            + " while starting; its log " + p.log() + " ends with:\n" + tail(p.log()));
                }
                if (isReady(p.port())) {
                    log.println("  " + p.service().module() + " ready on " + p.address());
                    waiting.remove(p);
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                ServiceProcess late = waiting.get(0);
                throw new CliException(late.service().module() + " was not ready on http://" + late.address()
                        + "/q/health/ready within " + startupTimeout.toSeconds() + " s (option --startup-timeout); its log "
                        + late.log() + " ends with:\n" + tail(late.log()));
            }
            sleep(READY_POLL);
        }
    }

    private boolean isReady(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(HTTP_TIMEOUT).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while waiting for the services to start", e);
        }
    }

    /** A port someone else listens on would make a health check answer for the wrong process. */
    private static void checkPortFree(CentaurService service, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new CliException("Port " + port + " for " + service.module() + " is in use (" + e.getMessage()
                    + "): stop what listens there or choose other ports with --base-port.");
        }
    }

    static String tail(Path logFile) {
        try {
            // Decoding the bytes, rather than readAllLines, tolerates malformed characters in a log.
            List<String> lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read the log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while waiting for the services to start", e);
        }
    }
}
