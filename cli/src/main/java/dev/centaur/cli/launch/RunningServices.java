package dev.centaur.cli.launch;

import dev.centaur.cli.CliException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The services a run started. Closing stops them: SIGTERM to all, a grace period, then a forced
 * kill. A JVM shutdown hook does the same on Ctrl-C or an unexpected exit, unless the services
 * are detached to keep running. Fault tests kill, terminate and restart single services.
 */
public final class RunningServices implements AutoCloseable {

    private static final long GRACE_SECONDS = 30;
    private static final long FORCED_WAIT_SECONDS = 10;

    private final List<ServiceProcess> processes = new CopyOnWriteArrayList<>();
    private final PrintStream log;
    private final Thread shutdownHook;
    private boolean stopped;
    private boolean detached;
    private Runnable afterStop = () -> { };
    private Relauncher relauncher;
    private RunAuth auth = RunAuth.disabled();
    private Path adminTokenFile;

    /** Starts one service again as it was started first, and waits until a process is ready. */
    interface Relauncher {
        ServiceProcess launch(CentaurService service);

        void awaitReady(ServiceProcess process);
    }

    /** Registers the shutdown hook before any process starts, so none can outlive an early exit. */
    RunningServices(PrintStream log) {
        this.log = log;
        this.shutdownHook = new Thread(this::stopFromHook, "centaur-stop-services");
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            throw new CliException("Not starting the services: this command is shutting down");
        }
    }

    /** Adds a just-started process; one started after the stop (Ctrl-C meanwhile) is killed at once. */
    synchronized void add(ServiceProcess process) {
        if (stopped) {
            process.process().destroyForcibly();
            throw new CliException("Stopped while starting the services");
        }
        processes.add(process);
    }

    synchronized void auth(RunAuth auth, Path adminTokenFile) {
        this.auth = auth;
        this.adminTokenFile = adminTokenFile;
    }

    /** Whether the services were started with auth on. */
    public synchronized boolean authEnabled() {
        return auth.enabled();
    }

    /** The run's bootstrap admin token, for this command's own clients; empty with auth off. */
    public synchronized Optional<String> adminToken() {
        return auth.adminToken();
    }

    /** Where the admin token is kept (owner-only); empty with auth off. */
    public synchronized Optional<Path> adminTokenFile() {
        return Optional.ofNullable(adminTokenFile);
    }

    public List<ServiceProcess> processes() {
        return List.copyOf(processes);
    }

    synchronized void relaunchWith(Relauncher relauncher) {
        this.relauncher = relauncher;
    }

    /** The process now running (or last run) for the service. */
    public ServiceProcess process(CentaurService service) {
        return processes.stream().filter(p -> p.service() == service).reduce((first, last) -> last)
                .orElseThrow(() -> new CliException(service.module() + " was not started"));
    }

    /** Kills the service at once (SIGKILL: no shutdown hooks, nothing finished), as a crash would. */
    public void kill(CentaurService service) {
        Process process = process(service).process();
        process.destroyForcibly();
        waitFor(process, TimeUnit.SECONDS.toNanos(FORCED_WAIT_SECONDS));
        log.println(service.module() + " killed (SIGKILL)");
    }

    /**
     * Asks the service to stop (SIGTERM: Quarkus' graceful shutdown) and waits up to the timeout;
     * returns whether it exited in time. It is not killed if it did not.
     */
    public boolean terminate(CentaurService service, Duration timeout) {
        Process process = process(service).process();
        process.destroy();
        waitFor(process, timeout.toNanos());
        log.println(service.module() + (process.isAlive() ? " still runs " + timeout.toSeconds() + " s after SIGTERM"
                : " stopped after SIGTERM, exit code " + process.exitValue()));
        return !process.isAlive();
    }

    /**
     * Starts a stopped (killed, terminated or crashed) service again and waits until it is ready;
     * several services may restart at once.
     */
    public ServiceProcess restart(CentaurService service) {
        ServiceProcess restarted;
        Relauncher launcher;
        synchronized (this) {
            if (stopped) {
                throw new CliException("Not restarting " + service.module() + ": the services are stopping");
            }
            launcher = relauncher;
            if (launcher == null) {
                throw new CliException("These services cannot be restarted");
            }
            ServiceProcess previous = process(service);
            if (previous.process().isAlive()) {
                throw new CliException(service.module() + " still runs (pid " + previous.process().pid() + "): stop it first");
            }
            // Registered before it is ready, so close() stops it even while it starts.
            restarted = launcher.launch(service);
            processes.set(processes.indexOf(previous), restarted);
        }
        launcher.awaitReady(restarted);
        log.println(service.module() + " restarted, pid " + restarted.process().pid());
        return restarted;
    }

    /** True when no started service process is alive any more. */
    public boolean allStopped() {
        return processes.stream().noneMatch(p -> p.process().isAlive());
    }

    /** Runs once the services are stopped, by close() or by the shutdown hook (e.g. to stop the database). */
    public synchronized void afterStop(Runnable action) {
        this.afterStop = action;
    }

    /** Leaves the services running after this command ends (--keep-running). */
    public synchronized void detach() {
        detached = true;
        removeHook();
    }

    @Override
    public synchronized void close() {
        if (detached || stopped) {
            return;
        }
        removeHook();
        stop();
    }

    private synchronized void stopFromHook() {
        if (!detached && !stopped) {
            stop();
        }
    }

    private void stop() {
        stopped = true;
        try {
            stopProcesses();
        } finally {
            afterStop.run();
        }
    }

    private void stopProcesses() {
        List<ServiceProcess> alive = processes.stream().filter(p -> p.process().isAlive()).toList();
        if (alive.isEmpty()) {
            return;
        }
        log.println("Stopping services (SIGTERM) ...");
        alive.forEach(p -> p.process().destroy());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        for (ServiceProcess p : alive) {
            waitFor(p.process(), Math.max(0, deadline - System.nanoTime()));
        }
        for (ServiceProcess p : alive) {
            if (p.process().isAlive()) {
                log.println(p.service().module() + " did not stop within " + GRACE_SECONDS + " s; killing it");
                p.process().destroyForcibly();
                waitFor(p.process(), TimeUnit.SECONDS.toNanos(FORCED_WAIT_SECONDS));
            }
        }
        log.println(allStopped() ? "Services stopped." : "Some services could not be stopped: " + describe());
    }

    private static void waitFor(Process process, long nanos) {
        try {
            process.waitFor(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; it stops the services itself.
        }
    }

    /** One line per service: name, address, pid, log file. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (ServiceProcess p : processes) {
            text.append(String.format("  %-18s %-16s pid %-8d %s%s%n", p.service().module(), p.address(),
                    p.process().pid(), p.process().isAlive() ? "" : "(exited) ", p.log()));
        }
        return text.toString();
    }
}
