package dev.centaur.cli;

import dev.centaur.cli.command.DemoCommand;
import dev.centaur.cli.demo.DemoResult;
import dev.centaur.cli.launch.CentaurService;
import dev.centaur.cli.launch.ServiceLauncher;
import dev.centaur.router.v1.FinalLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs {@code centaur demo} for real, through the same command class the launcher uses, against
 * the four packaged services on ports 28080..28083 and database centaur_e2e. The reactor builds
 * this module last, so `mvn verify` from the root packages the services first.
 */
class DemoEndToEndTest {

    private static final int BASE_PORT = 28080;
    private static final int ITEMS = 300;
    private static final int GOLDEN = 60; // --golden-share 0.2 of 300 items, all with gold

    /** The repository root (surefire runs in cli/), or -Dcentaur.services.dir to use a copy. */
    private static Path servicesDir() {
        String override = System.getProperty("centaur.services.dir");
        return override != null ? Path.of(override) : Path.of("").toAbsolutePath().getParent();
    }

    @Test
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void demoGivesEverySubmittedItemExactlyOneFinalLabelAndStopsTheServices() throws java.io.IOException {
        Path servicesDir = servicesDir();
        for (CentaurService service : CentaurService.values()) {
            if (ServiceLauncher.jarOf(servicesDir, service).isEmpty()) {
                fail(service.module() + " is not packaged under " + servicesDir + " (no " + service.module()
                        + "/target/quarkus-app/quarkus-run.jar): run `mvn verify` from the repository root, "
                        + "which packages the services before this module.");
            }
        }
        DemoCommand command = new DemoCommand();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exitCode;
        System.setOut(new PrintStream(new TeeOutputStream(original, printed), true, StandardCharsets.UTF_8));
        try {
            exitCode = new CommandLine(command).execute(
                    "--items", String.valueOf(ITEMS), "--seed", "7",
                    "--base-port", String.valueOf(BASE_PORT), "--db-name", "centaur_e2e", "--fresh",
                    "--services-dir", servicesDir.toString(),
                    "--run-dir", Path.of("target", "e2e-run").toAbsolutePath().toString(),
                    "--stall-timeout", "180", "--timeout", "900");
        } finally {
            System.setOut(original);
        }
        String output = printed.toString(StandardCharsets.UTF_8);

        assertEquals(0, exitCode, "centaur demo failed; its output:\n" + output);
        DemoResult result = command.result();
        assertNotNull(result);

        List<String> exportedIds = result.exportedLabels().stream().map(FinalLabel::getItemId).toList();
        Set<String> uniqueExported = new HashSet<>(exportedIds);
        assertEquals(exportedIds.size(), uniqueExported.size(), "an item was exported more than once");
        assertEquals(Set.copyOf(result.submittedItemIds()), uniqueExported, "exported ids differ from submitted ids");
        assertEquals(ITEMS - GOLDEN, result.submittedItemIds().size());

        assertEquals(ITEMS - GOLDEN, result.report().items());
        assertTrue(Pattern.compile("\\| items labeled +\\| " + (ITEMS - GOLDEN) + " ").matcher(output).find(),
                "the printed table shows the item count:\n" + output);
        assertTrue(output.contains("each of the " + (ITEMS - GOLDEN) + " submitted items has exactly one final label"), output);
        // The golden items went through router, so the curve has held-out evidence and a picture.
        assertTrue(Pattern.compile("Evidence: [1-9][0-9]* held-out golden items").matcher(output).find(), output);
        assertTrue(output.contains("Chosen threshold: "), output);
        Path picture = result.runDir().resolve("curve.png");
        assertTrue(output.contains("Curve picture: " + picture.toAbsolutePath()), output);
        assertTrue(java.nio.file.Files.size(picture) > 1000, "curve picture " + picture);

        assertTrue(result.services().allStopped(), "service processes still alive:\n" + result.services().describe());
        for (int port = BASE_PORT; port < BASE_PORT + 4; port++) {
            assertFalse(listening(port), "something still listens on port " + port);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
