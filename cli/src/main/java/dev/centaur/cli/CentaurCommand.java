package dev.centaur.cli;

import dev.centaur.cli.command.BenchCommand;
import dev.centaur.cli.command.CostCommand;
import dev.centaur.cli.command.CurveCommand;
import dev.centaur.cli.command.DemoCommand;
import dev.centaur.cli.command.ExportCommand;
import dev.centaur.cli.command.ImportCommand;
import dev.centaur.cli.command.PolicyCommand;
import dev.centaur.cli.command.ProgressCommand;
import dev.centaur.cli.command.ProjectCommand;
import dev.centaur.cli.command.ReplayCommand;
import dev.centaur.cli.command.StatusCommand;
import dev.centaur.cli.command.TokenCommand;
import dev.centaur.cli.command.TrainCommand;
import dev.centaur.cli.command.UpCommand;
import dev.centaur.cli.load.LoadCommand;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The {@code centaur} command: the demo and the clients of the running services. */
@TopCommand
@Command(name = "centaur", mixinStandardHelpOptions = true,
        description = "Centaur: hybrid data labeling (model + crowd + expert QC).",
        subcommands = {DemoCommand.class, BenchCommand.class, LoadCommand.class, UpCommand.class, ProjectCommand.class, PolicyCommand.class, ImportCommand.class, TrainCommand.class,
                StatusCommand.class, ProgressCommand.class, ReplayCommand.class, CurveCommand.class, CostCommand.class,
                ExportCommand.class, TokenCommand.class})
public class CentaurCommand {
}
