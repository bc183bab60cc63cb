package dev.centaur.cli;

import dev.centaur.cli.bench.BenchRunner;
import dev.centaur.cli.bench.HeadlineTable;
import dev.centaur.cli.command.BenchCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code centaur bench} for real on a seeded sample of RTE (real workers' answers, replayed)
 * through the four packaged services on ports 28080..28083 and database centaur_e2e.
 */
class BenchEndToEndTest {

    private static final int BASE_PORT = 28080;
    private static final int ITEMS = 200;
    private static final int EVALUATED = 160; // 200 items with gold, golden share 0.2
    private static final int RTE_ANSWERS_PER_ITEM = 10;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    /** The repository root, or -Dcentaur.services.dir to use a packaged copy. */
    private static Path servicesDir(Path repository) {
        String override = System.getProperty("centaur.services.dir");
        return override != null ? Path.of(override) : repository;
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void benchComparesHumanModelAndBothHybridPointsOnTheEvaluatedItemsOnly() throws IOException {
        Path repository = Path.of("").toAbsolutePath().getParent();
        Path rte = repository.resolveSibling("shared").resolve("datasets").resolve("rte");
        assertTrue(Files.isRegularFile(rte.resolve("answers.csv")), "the shared RTE data set is missing at " + rte);
        Path out = Path.of("target", "bench-e2e").toAbsolutePath();
        BenchCommand command = new BenchCommand();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exitCode;
        System.setOut(new PrintStream(new TeeOutputStream(original, printed), true, StandardCharsets.UTF_8));
        try {
            exitCode = new CommandLine(command).execute(rte.toString(), "--items", String.valueOf(ITEMS), "--seed", "7",
                    "--base-port", String.valueOf(BASE_PORT), "--db-name", "centaur_e2e", "--fresh",
                    "--services-dir", servicesDir(repository).toString(), "--out", out.toString(), "--stall-timeout", "180");
        } finally {
            System.setOut(original);
        }
        String output = printed.toString(StandardCharsets.UTF_8);

        assertEquals(0, exitCode, "centaur bench failed; its output:\n" + output);
        List<BenchRunner.DatasetResult> results = command.results();
        assertNotNull(results);
        assertEquals(1, results.size());
        BenchRunner.DatasetResult result = results.get(0);
        assertEquals(EVALUATED, result.evaluated());
        assertEquals(ITEMS - EVALUATED, result.golden());

        HeadlineTable table = result.table();
        table.rows().forEach(row -> assertEquals(EVALUATED, row.total(), row.name() + " must count the evaluated items only"));
        HeadlineTable.Row human = table.row("Human");
        assertEquals(0.0, human.modelShare(), "the crowd-only run must not take model labels");
        assertEquals((long) EVALUATED * RTE_ANSWERS_PER_ITEM, human.answersUsed(), "every recorded answer of every evaluated item");
        // Snow et al. report about 0.90 for ten answers per item.
        assertTrue(human.accuracy() >= 0.8, "Human accuracy " + human.accuracy());
        HeadlineTable.Row cost = table.row("Hybrid, cost-optimized");
        assertTrue(cost.answersUsed() < human.answersUsed(), "dynamic overlap must save answers: " + cost.answersUsed());
        assertEquals(2, table.verdicts().size());

        assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(Files.readAllBytes(result.picture()), 4), "curve picture");
        String headline = Files.readString(out.resolve("headline.md"));
        assertTrue(headline.contains("| Hybrid, quality-optimized |"), headline);
        assertTrue(output.contains("Human accuracy on the golden items"), output);
    }
}
