package dev.centaur.cli.command;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.GetProjectRequest;
import dev.centaur.router.v1.ListProjectsRequest;
import dev.centaur.router.v1.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code centaur project create|show|list}. */
@Command(name = "project", mixinStandardHelpOptions = true, description = "Create, show and list projects.",
        subcommands = {ProjectCommand.Create.class, ProjectCommand.Show.class, ProjectCommand.ListProjects.class})
public class ProjectCommand {

    /** Looks a project up; a failure names the project. */
    static Project get(CentaurClients clients, String projectId) {
        return RpcFailure.call("GetProject " + projectId, () ->
                clients.projects().getProject(GetProjectRequest.newBuilder().setProjectId(projectId).build())).getProject();
    }

    static void print(Project p, PrintStream out) {
        out.println("project " + p.getProjectId() + (p.getName().isEmpty() ? "" : " (" + p.getName() + ")"));
        out.println("  labels:       " + String.join(", ", p.getLabelsList()));
        out.println("  model:        " + (p.getModelName().isEmpty() ? p.getProjectId() : p.getModelName()));
        out.println("  policy:       " + PolicyOptions.describe(p.getPolicy()));
        out.println("  created:      " + Instant.ofEpochMilli(p.getCreatedAtEpochMs()));
        out.println("  instructions: " + p.getInstructions());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a project.")
    public static class Create implements Callable<Integer> {

        @Option(names = "--project", required = true, description = "Project id: [a-z0-9][a-z0-9-]{0,63}.")
        String projectId;

        @Option(names = "--name", description = "Display name. Default: the id.")
        String name;

        @Option(names = "--labels", required = true, split = ",", description = "The labels, comma-separated (at least two).")
        List<String> labels;

        @Option(names = "--instructions", description = "What annotators are asked.")
        String instructions;

        @Option(names = "--instructions-file", description = "Read the instructions from this file.")
        Path instructionsFile;

        @Option(names = "--model-name", description = "Inference model labeling the items. Default: the project id.")
        String modelName;

        @Mixin
        PolicyOptions policy;

        @Mixin
        RouterOptions router;

        @Override
        public Integer call() {
            return Commands.run("project create", () -> {
                String text = instructionsFile != null ? Commands.readText(instructionsFile)
                        : instructions != null ? instructions : "Choose one of: " + String.join(", ", labels) + ".";
                Project project = Project.newBuilder().setProjectId(projectId).setName(name == null ? projectId : name)
                        .addAllLabels(labels).setInstructions(text).setModelName(modelName == null ? projectId : modelName)
                        .setPolicy(policy.apply(PolicyOptions.defaults())).build();
                try (CentaurClients clients = router.clients()) {
                    Project created = RpcFailure.call("CreateProject", () -> clients.projects()
                            .createProject(CreateProjectRequest.newBuilder().setProject(project).build())).getProject();
                    System.out.println("Created:");
                    print(created, System.out);
                }
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a project and its policy.")
    public static class Show implements Callable<Integer> {

        @Option(names = "--project", required = true, description = "Project id.")
        String projectId;

        @Mixin
        RouterOptions router;

        @Override
        public Integer call() {
            return Commands.run("project show", () -> {
                try (CentaurClients clients = router.clients()) {
                    print(get(clients, projectId), System.out);
                }
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the projects.")
    public static class ListProjects implements Callable<Integer> {

        @Mixin
        RouterOptions router;

        @Override
        public Integer call() {
            return Commands.run("project list", () -> {
                try (CentaurClients clients = router.clients()) {
                    List<Project> projects = RpcFailure.call("ListProjects",
                            () -> clients.projects().listProjects(ListProjectsRequest.getDefaultInstance())).getProjectsList();
                    if (projects.isEmpty()) {
                        System.out.println("No projects.");
                    }
                    for (Project p : projects) {
                        System.out.println(p.getProjectId() + "\t" + String.join(",", p.getLabelsList()) + "\t"
                                + PolicyOptions.describe(p.getPolicy()));
                    }
                }
            });
        }
    }
}
