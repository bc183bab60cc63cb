package dev.centaur.cli.launch;

import dev.centaur.cli.CliException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kill, terminate and restart of single services, on stand-in processes ({@code sleep}). */
class RunningServicesTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final RunningServices services = new RunningServices(new PrintStream(log, true, StandardCharsets.UTF_8));
    private final List<ServiceProcess> readyChecked = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        services.close();
    }

    private static ServiceProcess standIn(CentaurService service) {
        try {
            return new ServiceProcess(service, 1, new ProcessBuilder("sleep", "120").start(), Path.of("/dev/null"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startWithRelauncher() {
        services.relaunchWith(new RunningServices.Relauncher() {
            @Override
            public ServiceProcess launch(CentaurService service) {
                return standIn(service);
            }

            @Override
            public void awaitReady(ServiceProcess process) {
                readyChecked.add(process);
            }
        });
        for (CentaurService service : CentaurService.values()) {
            services.add(standIn(service));
        }
    }

    @Test
    void aKilledServiceRestartsAsANewProcessAndTheOthersKeepRunning() {
        startWithRelauncher();
        ServiceProcess crowd = services.process(CentaurService.CROWD);

        services.kill(CentaurService.CROWD);
        assertFalse(crowd.process().isAlive());
        ServiceProcess restarted = services.restart(CentaurService.CROWD);

        assertNotEquals(crowd.process().pid(), restarted.process().pid());
        assertTrue(restarted.process().isAlive());
        assertEquals(restarted, services.process(CentaurService.CROWD));
        assertEquals(List.of(restarted), readyChecked, "restart waits until the new process is ready");
        assertEquals(4, services.processes().size());
        assertTrue(services.processes().stream().allMatch(p -> p.process().isAlive()));
    }

    @Test
    void terminateSendsSigtermAndReportsTheExit() {
        startWithRelauncher();
        assertTrue(services.terminate(CentaurService.QC, Duration.ofSeconds(10)));
        assertFalse(services.process(CentaurService.QC).process().isAlive());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("qc-service stopped after SIGTERM"));
    }

    @Test
    void aRunningServiceIsNotRestartedAndNothingRestartsAfterClose() {
        startWithRelauncher();
        CliException running = assertThrows(CliException.class, () -> services.restart(CentaurService.ROUTER));
        assertTrue(running.getMessage().contains("still runs"), running.getMessage());

        services.kill(CentaurService.ROUTER);
        services.close();
        CliException closed = assertThrows(CliException.class, () -> services.restart(CentaurService.ROUTER));
        assertTrue(closed.getMessage().contains("stopping"), closed.getMessage());
        assertTrue(services.allStopped());
    }
}
