package dev.centaur.cli.load;

import dev.centaur.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code centaur load}: hold stated rates of submissions and answers and report what held. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Start PostgreSQL (if needed) and the four services, then hold a stated rate of item submissions and "
                + "annotator answers for a stated time (open loop), wait until every acknowledged item has its final label, "
                + "and report throughput, p50/p99/max latency and errors by status per operation, and lost work. "
                + "Exit code 0 when nothing was lost and no call failed, 1 otherwise.")
public class LoadCommand implements Callable<Integer> {

    @Mixin
    LoadOptions options;

    private LoadRunner.Result result;

    @Override
    public Integer call() {
        try {
            result = new LoadRunner(options, System.out).run();
        } catch (CliException e) {
            System.out.flush();
            System.err.println("centaur load: " + e.getMessage());
            return 1;
        }
        if (!result.report().passed()) {
            System.err.println("centaur load: " + result.report().verdict());
            return 1;
        }
        return 0;
    }

    /** The last run's result (null when it could not run), for the test that drives this command. */
    public LoadRunner.Result result() {
        return result;
    }
}
