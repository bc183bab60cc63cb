package dev.centaur.cli;

import dev.centaur.cli.command.DemoCommand;
import dev.centaur.cli.command.ExportCommand;
import dev.centaur.cli.command.ProgressCommand;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The {@code centaur} command: the demo and small clients of the running services. */
@TopCommand
@Command(name = "centaur", mixinStandardHelpOptions = true,
        description = "Centaur: hybrid data labeling (model + crowd + expert QC).",
        subcommands = {DemoCommand.class, ProgressCommand.class, ExportCommand.class})
public class CentaurCommand {
}
