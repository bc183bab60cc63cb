package dev.centaur.cli.launch;

import dev.centaur.cli.CliException;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The services a run started. Closing stops them: SIGTERM to all, a grace period, then a forced
 * kill. A JVM shutdown hook does the same on Ctrl-C or an unexpected exit, unless the services
 * are detached to keep running.
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

    public List<ServiceProcess> processes() {
        return List.copyOf(processes);
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
