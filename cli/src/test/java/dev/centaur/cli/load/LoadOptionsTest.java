package dev.centaur.cli.load;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LoadOptionsTest {

    private static LoadOptions parse(String... args) {
        LoadCommand command = new LoadCommand();
        new CommandLine(command).parseArgs(args);
        return command.options;
    }

    @Test
    void defaultsHoldTwentyItemsASecondForFiveMinutesWithTheAnswersTheCrowdItemsNeed() {
        LoadOptions options = parse();
        assertEquals(Duration.ofMinutes(5), options.duration);
        assertEquals(Duration.ofSeconds(30), options.warmup);
        assertEquals(20, options.itemsPerSecond);
        assertEquals(2.0, options.callsPerSecond(), 1e-12);
        // 20 items/s x 0.8 to the crowd x 2 answers x 1.1 headroom.
        assertEquals(35.2, options.answersPerSecondOrDefault(), 1e-9);
        assertEquals("centaur", options.platform.dbName, "the database options are the shared PlatformOptions");
    }

    @Test
    void ratesDurationsAndThePlatformOptionsParse() {
        LoadOptions options = parse("--items-per-second", "50", "--batch-size", "25", "--answers-per-second", "12.5",
                "--duration", "PT1M", "--warmup", "PT0S", "--drain-timeout", "PT10S", "--db-name", "centaur_load", "--fresh");
        assertEquals(2.0, options.callsPerSecond(), 1e-12);
        assertEquals(12.5, options.answersPerSecondOrDefault(), 1e-12);
        assertEquals(Duration.ofMinutes(1), options.duration);
        assertEquals(Duration.ZERO, options.warmup);
        assertEquals(Duration.ofSeconds(10), options.drainTimeout);
        assertEquals("centaur_load", options.platform.dbName);
        assertEquals(true, options.platform.fresh);
    }

    @Test
    void aDurationThatIsNotIso8601IsRefusedByTheParser() {
        assertThrows(CommandLine.ParameterException.class, () -> parse("--duration", "5m"));
    }
}
