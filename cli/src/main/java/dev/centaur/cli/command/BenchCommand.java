package dev.centaur.cli.command;

import dev.centaur.cli.CliException;
import dev.centaur.cli.bench.BenchOptions;
import dev.centaur.cli.bench.BenchRunner;
import dev.centaur.cli.dataset.DatasetFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code centaur bench}: human, model and hybrid accuracy and cost on real crowd data. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Start PostgreSQL (if needed) and the four services and compare crowd-only, model-only and two hybrid "
                + "operating points on data sets with real crowd answers (replayed worker by worker; experts answer from gold). "
                + "Prints and writes the table and the curve picture.")
public class BenchCommand implements Callable<Integer> {

    @Mixin
    BenchOptions options;

    private List<BenchRunner.DatasetResult> results;

    @Override
    public Integer call() {
        try {
            results = new BenchRunner(options, System.out).run();
            return 0;
        } catch (CliException | DatasetFormatException e) {
            System.out.flush();
            System.err.println("centaur bench: " + e.getMessage());
            return 1;
        }
    }

    /** The last run's results (null when it failed), for the test that drives this command. */
    public List<BenchRunner.DatasetResult> results() {
        return results;
    }
}
