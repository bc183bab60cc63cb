package dev.centaur.cli.load;

import dev.centaur.cli.launch.CentaurService;
import dev.centaur.cli.launch.ServiceLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs {@code centaur load} for real, about 20 seconds at a low rate, through the four packaged
 * services on ports 58080..58083 and database centaur_load: the offered rate is held, no call
 * fails, and every acknowledged item and answer is accounted for.
 */
class LoadEndToEndTest {

    private static final int BASE_PORT = 58080;
    private static final double ITEMS_PER_SECOND = 10;
    private static final int BATCH = 5;
    private static final int WARMUP_SECONDS = 5;
    private static final int MEASURED_SECONDS = 15;
    private static final int ANNOTATORS = 30;

    /** The repository root (surefire runs in cli/), or -Dcentaur.services.dir to use a copy. */
    private static Path servicesDir() {
        String override = System.getProperty("centaur.services.dir");
        return override != null ? Path.of(override) : Path.of("").toAbsolutePath().getParent();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aShortLoadRunHoldsTheOfferedRateWithoutErrorsOrLostWork() throws IOException {
        Path servicesDir = servicesDir();
        for (CentaurService service : CentaurService.values()) {
            if (ServiceLauncher.jarOf(servicesDir, service).isEmpty()) {
                fail(service.module() + " is not packaged under " + servicesDir + ": run `mvn -B package -DskipTests` for the "
                        + "four services first (the reactor packages them before this module).");
            }
        }
        Path runDir = Path.of("target", "load-e2e").toAbsolutePath();
        LoadCommand command = new LoadCommand();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exitCode;
        System.setOut(new PrintStream(tee(original, printed), true, StandardCharsets.UTF_8));
        try {
            exitCode = new CommandLine(command).execute(
                    "--items-per-second", String.valueOf(ITEMS_PER_SECOND), "--batch-size", String.valueOf(BATCH),
                    "--warmup", "PT" + WARMUP_SECONDS + "S", "--duration", "PT" + MEASURED_SECONDS + "S",
                    "--drain-timeout", "PT120S", "--annotators", String.valueOf(ANNOTATORS), "--golden-items", "100",
                    "--seed", "7", "--base-port", String.valueOf(BASE_PORT), "--db-name", "centaur_load", "--fresh",
                    "--services-dir", servicesDir.toString(), "--run-dir", runDir.toString(), "--rpc-timeout", "10");
        } finally {
            System.setOut(original);
        }
        String output = printed.toString(StandardCharsets.UTF_8);

        assertEquals(0, exitCode, "centaur load failed; its output:\n" + output);
        LoadRunner.Result result = command.result();
        assertNotNull(result);
        LoadReport report = result.report();
        assertTrue(report.passed(), report.toMarkdown());
        assertEquals(0, result.submitItems().errorCount() + result.nextTask().errorCount() + result.submitAnswer().errorCount());

        int totalItems = (int) ((WARMUP_SECONDS + MEASURED_SECONDS) * ITEMS_PER_SECOND);
        assertEquals(totalItems, report.lostWork().acknowledgedItems(), "every SubmitItems of the run was acknowledged");
        assertEquals(0, report.lostWork().lostItems());
        assertEquals(0, report.lostWork().duplicateLabels());
        assertEquals(0, report.lostWork().unexpectedLabels());
        assertEquals(report.lostWork().acknowledgedAnswers(), report.lostWork().countedAnswers());
        assertTrue(report.lostWork().acknowledgedAnswers() > 0, "the crowd items were answered");

        double achieved = result.submitItems().achievedUnitsPerSecond();
        assertTrue(achieved >= 0.9 * ITEMS_PER_SECOND && achieved <= ITEMS_PER_SECOND * 1.01,
                "achieved " + achieved + " items/s of " + ITEMS_PER_SECOND);
        assertEquals((long) (MEASURED_SECONDS * ITEMS_PER_SECOND / BATCH), result.submitItems().latency().count(),
                "every SubmitItems of the window was timed");
        assertTrue(result.submitAnswer().latency().count() > 0, "answers were timed in the window");
        assertTrue(result.submitItems().latency().percentileMicros(99) <= result.submitItems().latency().maxMicros());

        String markdown = Files.readString(result.reportFile());
        assertEquals(runDir.resolve("load.md"), result.reportFile());
        assertTrue(markdown.contains("| SubmitItems | 10.0 items (2.00 calls) |"), markdown);
        assertTrue(markdown.contains("Result: PASS"), markdown);
    }

    private static OutputStream tee(OutputStream first, OutputStream second) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                first.write(b);
                second.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                first.write(bytes, offset, length);
                second.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                first.flush();
                second.flush();
            }
        };
    }
}
