package dev.centaur.systemtests;

import dev.centaur.cli.launch.CentaurService;
import dev.centaur.cli.launch.RunningServices;
import dev.centaur.cli.launch.ServiceProcess;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The faults the chaos run injects, each logged with when it happened: crashes (SIGKILL), graceful
 * stops (SIGTERM, observed), a frozen process (SIGSTOP / SIGCONT: a slow service whose calls
 * time out or answer late) and a PostgreSQL restart.
 */
final class Faults {

    private final RunningServices services;
    private final PostgresCluster database;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final List<String> log = new ArrayList<>();

    Faults(RunningServices services, PostgresCluster database, PrintStream out) {
        this.services = services;
        this.database = database;
        this.out = out;
    }

    /** Kills the service with SIGKILL, as a crash or an OOM kill would, and starts it again. */
    void crashAndRestart(CentaurService service) {
        crash(service);
        restart(service);
    }

    /** Kills the service with SIGKILL; it stays down. */
    void crash(CentaurService service) {
        note("kill -9 " + service.module());
        services.kill(service);
    }

    /** SIGTERM, sampling readiness and the probe until the process exits; it stays stopped. */
    ShutdownObservation stopGracefully(CentaurService service, ShutdownObservation.Probe probe) {
        note("SIGTERM " + service.module());
        ShutdownObservation observation = ShutdownObservation.sigterm(services.process(service), probe);
        note(observation.describe());
        return observation;
    }

    void restart(CentaurService service) {
        long begin = System.nanoTime();
        services.restart(service);
        note(service.module() + " ready again after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin) + " ms");
    }

    /** Restarts while the test goes on (restarts take most of this test's time); join it before the end. */
    CompletableFuture<Void> restartInBackground(CentaurService service) {
        return CompletableFuture.runAsync(() -> restart(service));
    }

    /** Freezes the service for a while (SIGSTOP, then SIGCONT): calls to it hang, then answer late. */
    void freeze(CentaurService service, Duration duration) {
        ServiceProcess target = services.process(service);
        note("SIGSTOP " + service.module() + " for " + duration.toMillis() + " ms");
        signal("STOP", target);
        try {
            Rpc.sleep(duration);
        } finally {
            signal("CONT", target);
        }
        note("SIGCONT " + service.module());
    }

    void restartDatabase() {
        note("restart PostgreSQL " + database.version() + "/" + database.name());
        database.restart();
        note("PostgreSQL takes connections again");
    }

    /** What happened when, for the test's report. */
    List<String> log() {
        return List.copyOf(log);
    }

    private void signal(String signal, ServiceProcess target) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(target.process().pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + signal + " " + target.process().pid() + " failed");
            }
        } catch (IOException e) {
            throw new AssertionError("cannot send SIG" + signal + " to " + target.service().module(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private synchronized void note(String event) {
        String line = String.format("[faults %6.1fs] %s", (System.nanoTime() - start) / 1e9, event);
        log.add(line);
        out.println(line);
    }
}
