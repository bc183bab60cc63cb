package dev.centaur.cli.demo;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.command.CurveCommand;
import dev.centaur.cli.curve.CurveTable;
import dev.centaur.cli.client.ServiceAddresses;
import dev.centaur.cli.launch.Database;
import dev.centaur.cli.launch.RunningServices;
import dev.centaur.cli.launch.ServiceLauncher;
import dev.centaur.cli.dataset.DatasetItem;
import dev.centaur.router.v1.FinalLabel;
import dev.centaur.router.v1.GetCurveResponse;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code centaur demo}: finds or starts PostgreSQL, starts the four services, labels a data set
 * end to end through them, prints the report and stops the services again.
 */
public final class DemoRunner {

    private static final DateTimeFormatter PROJECT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final String LOOPBACK = "127.0.0.1";

    private final DemoOptions options;
    private final PrintStream out;

    public DemoRunner(DemoOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public DemoResult run() {
        DemoData data = DemoData.prepare(options);
        String projectId = options.projectId != null ? options.projectId
                : "demo-" + PROJECT_STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        ServiceLauncher launcher = options.platform.launcher(out);
        Path runDir = options.runDir != null ? options.runDir
                : Path.of(System.getProperty("java.io.tmpdir"), "centaur-runs", projectId);
        ServiceAddresses addresses = ServiceAddresses.fromBasePort(LOOPBACK, options.basePort);
        out.println("Data: " + data.description() + "; " + data.golden().size() + " golden items train the model, "
                + data.submitted().size() + " are submitted; labels " + data.dataset().labels());
        data.notes().forEach(note -> out.println("  note: " + note));

        Database database = options.platform.provideDatabase(out);
        RunningServices services = null;
        boolean keepRunning = false;
        try {
            services = launcher.start(addresses, database, runDir);
            LabelingRun.Outcome outcome;
            try (CentaurClients clients = new CentaurClients(addresses, Duration.ofSeconds(options.rpcTimeoutSeconds),
                    services.adminToken().orElse(null))) {
                outcome = new LabelingRun(options, data, projectId, clients, out).run();
                curveSummary(clients, projectId, runDir);
            }
            List<String> submittedIds = data.submitted().stream().map(DatasetItem::id).toList();
            out.println(exportCheck(submittedIds, outcome.labels()));
            out.println();
            out.print(outcome.report().toTable());
            keepRunning = options.keepRunning;
            if (keepRunning) {
                keep(services, database, out);
            }
            return new DemoResult(projectId, submittedIds, outcome.labels(), outcome.report(), services, runDir);
        } finally {
            if (!keepRunning) {
                if (services != null) {
                    services.close();
                }
                closeQuietly(database, out);
            }
        }
    }

    /** The project's curve after the run: the chosen threshold, the table, and the picture in the run directory. */
    private void curveSummary(CentaurClients clients, String projectId, Path runDir) {
        GetCurveResponse curve = CurveCommand.fetch(clients, projectId);
        out.println();
        if (curve.hasOperatingPoint()) {
            out.printf(Locale.ROOT, "Chosen threshold: %.3f (effective %.3f)%n",
                    curve.getOperatingPoint().getThreshold(), curve.getEffectiveThreshold());
        }
        out.print(CurveTable.render(curve));
        if (curve.getPointsCount() > 0) {
            out.println("Curve picture: " + CurveCommand.draw(curve, projectId, runDir.resolve("curve.png")).toAbsolutePath());
        }
    }

    /**
     * Leaves the services up. An embedded database lives only as long as this process, so then
     * the command waits for Ctrl-C, which stops the services and the database.
     */
    public static void keep(RunningServices services, Database database, PrintStream out) {
        out.println("Services keep running (--keep-running):");
        out.print(services.describe());
        services.adminTokenFile().ifPresent(file -> out.println("Admin token: " + file.toAbsolutePath()
                + " (the other centaur commands on this base port use it; or pass --token / set CENTAUR_TOKEN)"));
        if (!database.isEmbedded()) {
            services.detach();
            out.println("Stop them with: kill " + String.join(" ",
                    services.processes().stream().map(p -> String.valueOf(p.process().pid())).toList()));
            return;
        }
        services.afterStop(() -> closeQuietly(database, out));
        out.println("The embedded PostgreSQL lives in this process: press Ctrl-C to stop the services and the database.");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every submitted item must have exactly one final label, and nothing else may be exported. */
    static String exportCheck(List<String> submittedIds, List<FinalLabel> labels) {
        Map<String, Integer> counts = new HashMap<>();
        labels.forEach(label -> counts.merge(label.getItemId(), 1, Integer::sum));
        Set<String> submitted = new HashSet<>(submittedIds);
        long duplicated = counts.values().stream().filter(count -> count > 1).count();
        long missing = submitted.stream().filter(id -> !counts.containsKey(id)).count();
        long unexpected = counts.keySet().stream().filter(id -> !submitted.contains(id)).count();
        if (duplicated + missing + unexpected == 0) {
            return "Export check: each of the " + submitted.size() + " submitted items has exactly one final label.";
        }
        return "Export check FAILED: " + missing + " submitted items without a final label, " + duplicated
                + " items exported more than once, " + unexpected + " exported items that were not submitted.";
    }

    /** Runs in finally blocks, so it reports rather than throws and hides the first error. */
    public static void closeQuietly(Database database, PrintStream out) {
        try {
            database.close();
        } catch (Exception e) {
            out.println("warning: cannot stop the embedded PostgreSQL: " + e.getMessage());
        }
    }
}
