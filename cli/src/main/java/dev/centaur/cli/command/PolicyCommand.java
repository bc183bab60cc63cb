package dev.centaur.cli.command;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.RpcFailure;
import dev.centaur.router.v1.GetPolicyHistoryRequest;
import dev.centaur.router.v1.PolicyChange;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.SetPolicyRequest;
import dev.centaur.router.v1.SetPolicyResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code centaur policy set|history}. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Change a project's policy and see its history.",
        subcommands = {PolicyCommand.Set.class, PolicyCommand.History.class})
public class PolicyCommand {

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change the policy: options left out keep their current value.")
    public static class Set implements Callable<Integer> {

        @Option(names = "--project", required = true, description = "Project id.")
        String projectId;

        @Option(names = "--reason", defaultValue = "set with centaur policy set", description = "Recorded in the history.")
        String reason;

        @Mixin
        PolicyOptions policy;

        @Mixin
        RouterOptions router;

        @Override
        public Integer call() {
            return Commands.run("policy set", () -> {
                try (CentaurClients clients = router.clients()) {
                    Project project = ProjectCommand.get(clients, projectId);
                    SetPolicyResponse response = RpcFailure.call("SetPolicy", () -> clients.projects().setPolicy(
                            SetPolicyRequest.newBuilder().setProjectId(projectId).setPolicy(policy.apply(project.getPolicy()))
                                    .setReason(reason).build()));
                    System.out.println((response.getChanged() ? "Policy changed: " : "Policy unchanged (already so): ")
                            + PolicyOptions.describe(response.getProject().getPolicy()));
                }
            });
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Every policy change, oldest first.")
    public static class History implements Callable<Integer> {

        @Option(names = "--project", required = true, description = "Project id.")
        String projectId;

        @Mixin
        RouterOptions router;

        @Override
        public Integer call() {
            return Commands.run("policy history", () -> {
                try (CentaurClients clients = router.clients()) {
                    List<PolicyChange> changes = RpcFailure.call("GetPolicyHistory", () -> clients.projects()
                            .getPolicyHistory(GetPolicyHistoryRequest.newBuilder().setProjectId(projectId).build())).getChangesList();
                    if (changes.isEmpty()) {
                        System.out.println("No policy changes for " + projectId + ".");
                    }
                    for (PolicyChange change : changes) {
                        System.out.println(Instant.ofEpochMilli(change.getChangedAtEpochMs()) + "  "
                                + change.getActor().name().replaceFirst("^POLICY_ACTOR_", "") + "  " + change.getReason());
                        System.out.println("    before: " + change.getOldPolicyJson());
                        System.out.println("    after:  " + change.getNewPolicyJson());
                    }
                }
            });
        }
    }
}
