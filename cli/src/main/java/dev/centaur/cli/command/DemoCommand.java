package dev.centaur.cli.command;

import dev.centaur.cli.CliException;
import dev.centaur.cli.dataset.DatasetFormatException;
import dev.centaur.cli.demo.DemoOptions;
import dev.centaur.cli.demo.DemoResult;
import dev.centaur.cli.demo.DemoRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code centaur demo}: label a data set end to end through the four services. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start PostgreSQL (if needed) and the four services, label a data set end to end "
                + "(model, simulated crowd, simulated expert QC) and print what it cost and how accurate it was.")
public class DemoCommand implements Callable<Integer> {

    @Mixin
    DemoOptions options;

    private DemoResult result;

    @Override
    public Integer call() {
        try {
            result = new DemoRunner(options, System.out).run();
            return 0;
        } catch (CliException | DatasetFormatException e) {
            System.out.flush();
            System.err.println("centaur demo: " + e.getMessage());
            return 1;
        }
    }

    /** The last run's result (null when it failed), for the end-to-end test that drives this command. */
    public DemoResult result() {
        return result;
    }
}
