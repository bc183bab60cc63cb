package dev.centaur.cli;

import dev.centaur.cli.client.CentaurClients;
import dev.centaur.cli.client.ServiceAddresses;
import dev.centaur.cli.command.TokenCommand;
import dev.centaur.cli.demo.DemoRunner;
import dev.centaur.cli.launch.CentaurService;
import dev.centaur.cli.launch.Database;
import dev.centaur.cli.launch.DatabaseProvider;
import dev.centaur.cli.launch.RunningServices;
import dev.centaur.cli.launch.ServiceLauncher;
import dev.centaur.crowd.v1.ListAnnotatorsRequest;
import dev.centaur.inference.v1.ListModelsRequest;
import dev.centaur.qc.v1.GetAccuracyRequest;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.ListProjectsRequest;
import dev.centaur.router.v1.Project;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The four packaged services as the launcher starts them (auth on, fresh tokens) on ports
 * 28080..28083 and database centaur_e2e: a call without a token, or with a made-up one, is refused
 * by every service; the run's admin token is accepted everywhere; a client token made with
 * {@code centaur token create} (which finds the run's admin token by the base port) works in
 * router and in qc (which asks router about it), may not create projects, and stops working in
 * router at once when {@code centaur token revoke} withdraws it.
 */
class AuthEndToEndTest {

    private static final int BASE_PORT = 28080;
    private static final Duration RPC_TIMEOUT = Duration.ofSeconds(30);

    /** The repository root (surefire runs in cli/), or -Dcentaur.services.dir to use a copy. */
    private static Path servicesDir() {
        String override = System.getProperty("centaur.services.dir");
        return override != null ? Path.of(override) : Path.of("").toAbsolutePath().getParent();
    }

    /** One harmless call per service that the admin may make. */
    private static Map<String, Function<CentaurClients, Object>> oneCallPerService() {
        Map<String, Function<CentaurClients, Object>> calls = new LinkedHashMap<>();
        calls.put("router ListProjects", c -> c.projects().listProjects(ListProjectsRequest.getDefaultInstance()));
        calls.put("inference ListModels", c -> c.inference(RPC_TIMEOUT).listModels(ListModelsRequest.getDefaultInstance()));
        calls.put("crowd ListAnnotators", c -> c.crowd().listAnnotators(ListAnnotatorsRequest.getDefaultInstance()));
        calls.put("qc GetAccuracy", c -> c.qc().getAccuracy(GetAccuracyRequest.newBuilder().setProjectId("auth-e2e").build()));
        return calls;
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void servicesRefuseCallsWithoutAValidTokenAndTakeTheRunsAndRouterIssuedTokens() throws IOException {
        Path servicesDir = servicesDir();
        for (CentaurService service : CentaurService.values()) {
            if (ServiceLauncher.jarOf(servicesDir, service).isEmpty()) {
                fail(service.module() + " is not packaged under " + servicesDir + ": run `mvn verify` from the repository root.");
            }
        }
        Path runDir = Path.of("target", "auth-e2e").toAbsolutePath();
        ServiceAddresses addresses = ServiceAddresses.fromBasePort("127.0.0.1", BASE_PORT);
        Database database = new DatabaseProvider("127.0.0.1", 5432, "postgres", System.out).provide("centaur_e2e", true);
        try (RunningServices services = new ServiceLauncher(servicesDir, "512m", Duration.ofMinutes(4), System.out)
                .start(addresses, database, runDir);
             CentaurClients anonymous = new CentaurClients(addresses, RPC_TIMEOUT);
             CentaurClients stranger = new CentaurClients(addresses, RPC_TIMEOUT, "centaur_adm_made-up");
             CentaurClients admin = new CentaurClients(addresses, RPC_TIMEOUT, services.adminToken().orElseThrow())) {

            Path tokenFile = services.adminTokenFile().orElseThrow();
            assertEquals(runDir.resolve("admin-token"), tokenFile);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            assertEquals(services.adminToken().orElseThrow(), Files.readString(tokenFile).strip());

            oneCallPerService().forEach((name, call) -> {
                assertRefused(Status.Code.UNAUTHENTICATED, name + " without a token", () -> call.apply(anonymous));
                assertRefused(Status.Code.UNAUTHENTICATED, name + " with a made-up token", () -> call.apply(stranger));
                assertPastAuth(name + " as the admin", () -> call.apply(admin));
            });

            CommandRun created = command(new TokenCommand.Create(), "--role", "client", "--subject", "auth-e2e-client", "--token-only");
            assertEquals(0, created.exitCode(), created.err());
            String clientToken = created.out().strip();
            try (CentaurClients client = new CentaurClients(addresses, RPC_TIMEOUT, clientToken)) {
                client.projects().listProjects(ListProjectsRequest.getDefaultInstance());
                assertPastAuth("qc GetAccuracy as a client (qc asks router about the token)",
                        () -> client.qc().getAccuracy(GetAccuracyRequest.newBuilder().setProjectId("auth-e2e").build()));
                Project project = Project.newBuilder().setProjectId("auth-e2e").setName("auth-e2e").addLabels("a").addLabels("b").build();
                assertRefused(Status.Code.PERMISSION_DENIED, "CreateProject as a client",
                        () -> client.projects().createProject(CreateProjectRequest.newBuilder().setProject(project).build()));

                CommandRun listed = command(new TokenCommand.ListTokens());
                assertEquals(0, listed.exitCode(), listed.err());
                String line = listed.out().lines().filter(l -> l.contains("auth-e2e-client")).findFirst()
                        .orElseThrow(() -> new AssertionError("token list does not show the new token:\n" + listed.out()));
                assertTrue(!listed.out().contains(clientToken), "token list shows a secret");
                String tokenId = line.split("\\s+")[0];

                CommandRun revoked = command(new TokenCommand.Revoke(), tokenId);
                assertEquals(0, revoked.exitCode(), revoked.err());
                assertRefused(Status.Code.UNAUTHENTICATED, "router with a revoked token",
                        () -> client.projects().listProjects(ListProjectsRequest.getDefaultInstance()));
            }
        } finally {
            DemoRunner.closeQuietly(database, System.out);
        }
    }

    /** The call is answered, or refused for what it asked (e.g. NOT_FOUND for an unknown project), not for who asked. */
    private static void assertPastAuth(String what, Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            assertTrue(code != Status.Code.UNAUTHENTICATED && code != Status.Code.PERMISSION_DENIED
                    && code != Status.Code.UNAVAILABLE, what + " was refused: " + e.getStatus());
        }
    }

    private static void assertRefused(Status.Code expected, String what, Runnable call) {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, call::run, what + " was taken");
        assertEquals(expected, refused.getStatus().getCode(), what + ": " + refused.getStatus());
    }

    record CommandRun(int exitCode, String out, String err) {
    }

    /** Runs a cli command on this run's base port with no token given: it finds the run's admin token itself. */
    private static CommandRun command(Object command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String[] all = java.util.Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--base-port";
            all[args.length + 1] = String.valueOf(BASE_PORT);
            return new CommandRun(new CommandLine(command).execute(all), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
