package dev.centaur.cli.command;

import dev.centaur.cli.client.ServiceAddresses;
import dev.centaur.cli.demo.DemoRunner;
import dev.centaur.cli.launch.Database;
import dev.centaur.cli.launch.PlatformOptions;
import dev.centaur.cli.launch.RunningServices;
import dev.centaur.cli.launch.ServiceLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code centaur up}: the demo's first two steps only (PostgreSQL, the four services), leaving the
 * services running for the other commands.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start PostgreSQL (if needed) and the four services, and leave them running.")
public class UpCommand implements Callable<Integer> {

    @Mixin
    PlatformOptions platform;

    @Option(names = "--base-port", defaultValue = "8080", description = "Router's port; inference +1, crowd +2, qc +3. Default: ${DEFAULT-VALUE}.")
    int basePort;

    @Option(names = "--run-dir", paramLabel = "<dir>", description = "Where the service logs and the admin token (admin-token, owner-only) go. Default: <tmp>/centaur-runs/up-<base-port>.")
    Path runDir;

    @Override
    public Integer call() {
        return Commands.run("up", () -> {
            Path logs = runDir != null ? runDir : Path.of(System.getProperty("java.io.tmpdir"), "centaur-runs", "up-" + basePort);
            ServiceLauncher launcher = platform.launcher(System.out);
            Database database = platform.provideDatabase(System.out);
            boolean started = false;
            try {
                RunningServices running = launcher.start(ServiceAddresses.fromBasePort("127.0.0.1", basePort), database, logs);
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
