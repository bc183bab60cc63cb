package dev.centaur.cli.command;

import dev.centaur.cli.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterOptionsTest {

    @TempDir
    Path dir;

    @Test
    void theTokenComesFromTheFlagThenTheFileThenTheEnvironmentThenTheRun() throws IOException {
        Path file = Files.writeString(dir.resolve("client-token"), "from-file\n");
        Path run = Files.writeString(dir.resolve("admin-token"), "from-run\n");

        assertEquals(Optional.of("from-flag"), RouterOptions.resolve("from-flag", file, "from-env", Optional.of(run)));
        assertEquals(Optional.of("from-file"), RouterOptions.resolve(null, file, "from-env", Optional.of(run)));
        assertEquals(Optional.of("from-env"), RouterOptions.resolve(null, null, "from-env", Optional.of(run)));
        assertEquals(Optional.of("from-run"), RouterOptions.resolve(null, null, null, Optional.of(run)));
        assertEquals(Optional.of("from-run"), RouterOptions.resolve(" ", null, "", Optional.of(run)));
        assertEquals(Optional.empty(), RouterOptions.resolve(null, null, null, Optional.empty()));
    }

    @Test
    void aMissingOrEmptyTokenFileIsAnErrorNamingIt() throws IOException {
        Path missing = dir.resolve("nope");
        CliException unreadable = assertThrows(CliException.class, () -> RouterOptions.resolve(null, missing, null, Optional.empty()));
        assertTrue(unreadable.getMessage().contains("--token-file " + missing), unreadable.getMessage());

        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        CliException blank = assertThrows(CliException.class, () -> RouterOptions.resolve(null, empty, null, Optional.empty()));
        assertTrue(blank.getMessage().contains(empty + " is empty"), blank.getMessage());
    }
}
