package dev.centaur.cli.launch;

import dev.centaur.cli.client.ServiceAddresses;
import dev.centaur.guard.BearerTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunAuthTest {

    @TempDir
    Path runDir;

    @Test
    void servicesGetTheServiceTokenAndOnlyTheHashOfTheAdminToken() {
        RunAuth auth = RunAuth.fresh();
        String admin = auth.adminToken().orElseThrow();
        Map<String, String> env = auth.environment();

        assertEquals("true", env.get("CENTAUR_AUTH_ENABLED"));
        assertTrue(env.get("CENTAUR_AUTH_SERVICE_TOKEN").length() > 40, env.keySet().toString());
        assertEquals(BearerTokens.sha256Hex(admin), env.get("CENTAUR_AUTH_ADMIN_TOKEN_SHA256"));
        assertFalse(env.values().stream().anyMatch(value -> value.contains(admin)), "the admin token itself is in the environment");
        assertNotEquals(env.get("CENTAUR_AUTH_SERVICE_TOKEN"), admin);
        assertFalse(auth.toString().contains(admin));
    }

    @Test
    void everyRunMakesNewTokens() {
        RunAuth first = RunAuth.fresh();
        RunAuth second = RunAuth.fresh();
        assertNotEquals(first.adminToken(), second.adminToken());
        assertNotEquals(first.environment().get("CENTAUR_AUTH_SERVICE_TOKEN"), second.environment().get("CENTAUR_AUTH_SERVICE_TOKEN"));
    }

    @Test
    void theAdminTokenFileIsReadableByTheOwnerOnlyAndHoldsTheToken() throws IOException {
        RunAuth auth = RunAuth.fresh();
        Path file = auth.writeAdminToken(runDir).orElseThrow();

        assertEquals(runDir.resolve("admin-token"), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(auth.adminToken().orElseThrow(), Files.readString(file).strip());
        assertFalse(Files.exists(runDir.resolve("admin-token.tmp")));
    }

    @Test
    void aNewRunReplacesAnOldTokenFileAndMakesItOwnerOnly() throws IOException {
        Path old = runDir.resolve("admin-token");
        Files.writeString(old, "old-token\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

        RunAuth auth = RunAuth.fresh();
        auth.writeAdminToken(runDir);

        assertEquals(auth.adminToken().orElseThrow(), Files.readString(old).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
    }

    @Test
    void withAuthOffTheServicesAreToldSoAndNoTokenIsKept() throws IOException {
        Files.writeString(runDir.resolve("admin-token"), "from-an-earlier-run\n");
        RunAuth off = RunAuth.disabled();

        assertEquals(Map.of("CENTAUR_AUTH_ENABLED", "false"), off.environment());
        assertTrue(off.writeAdminToken(runDir).isEmpty());
        assertFalse(Files.exists(runDir.resolve("admin-token")), "a stale admin token would be sent to services that ignore it");
        assertTrue(off.adminToken().isEmpty());
    }

    @Test
    void theLauncherGivesEveryServiceTheRunsAuthUnderTheExtraVariables() {
        ServiceLauncher launcher = new ServiceLauncher(runDir, "256m", Duration.ofSeconds(1), new PrintStream(new ByteArrayOutputStream()));
        ServiceAddresses addresses = ServiceAddresses.fromBasePort("127.0.0.1", 28080);
        Database database = new Database("jdbc:postgresql://127.0.0.1:5432/x", "postgres", "", null);
        RunAuth auth = RunAuth.fresh();

        for (CentaurService service : CentaurService.values()) {
            Map<String, String> env = launcher.serviceEnvironment(service, addresses, database, auth);
            assertEquals(auth.environment().get("CENTAUR_AUTH_SERVICE_TOKEN"), env.get("CENTAUR_AUTH_SERVICE_TOKEN"), service.module());
            assertEquals(BearerTokens.sha256Hex(auth.adminToken().orElseThrow()), env.get("CENTAUR_AUTH_ADMIN_TOKEN_SHA256"));
            assertEquals("true", env.get("CENTAUR_AUTH_ENABLED"));
            assertEquals(String.valueOf(service.port(addresses)), env.get("QUARKUS_HTTP_PORT"));
        }
        Map<String, String> off = launcher.withAuth(false)
                .serviceEnvironment(CentaurService.ROUTER, addresses, database, RunAuth.disabled());
        assertEquals("false", off.get("CENTAUR_AUTH_ENABLED"));
        assertFalse(off.containsKey("CENTAUR_AUTH_SERVICE_TOKEN"));
        // A fault test's extra variables still win over the defaults.
        Map<String, String> extra = launcher.withEnvironment(Map.of("QUARKUS_SHUTDOWN_DELAY", "2s"))
                .serviceEnvironment(CentaurService.QC, addresses, database, auth);
        assertEquals("2s", extra.get("QUARKUS_SHUTDOWN_DELAY"));
        assertEquals("true", extra.get("CENTAUR_AUTH_ENABLED"));
    }

    @Test
    void aCommandOnTheSameBasePortFindsTheRunsTokenFile() throws IOException {
        Path runs = runDir.resolve("runs");
        Path run = runDir.resolve("demo-1");
        Files.createDirectories(run);
        assertTrue(RunPointer.adminTokenFile(runs, 18999).isEmpty());

        RunPointer.record(runs, 18999, run);
        assertTrue(RunPointer.adminTokenFile(runs, 18999).isEmpty(), "no token file: a run with auth off");

        RunAuth.fresh().writeAdminToken(run);
        assertEquals(run.resolve("admin-token"), RunPointer.adminTokenFile(runs, 18999).orElseThrow());
        assertTrue(RunPointer.adminTokenFile(runs, 19000).isEmpty(), "another base port is another run");
    }
}
