package dev.centaur.cli.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which run directory the services on a base port belong to, so that a later command talking to
 * that port ({@code centaur project list --base-port 8080}) finds the run's admin token without
 * being told where the run's files are. One small file per base port under
 * {@code <tmp>/centaur-runs/}; it holds a path, never a token.
 */
public final class RunPointer {

    private RunPointer() {
    }

    /** {@code <tmp>/centaur-runs}, where runs without a --run-dir keep their files. */
    public static Path runsRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"), "centaur-runs");
    }

    static Path pointerFile(Path runsRoot, int basePort) {
        return runsRoot.resolve("port-" + basePort + ".run-dir");
    }

    /** Records that the services on {@code basePort} are {@code runDir}'s; best effort (a warning is not worth failing a run). */
    static void record(int basePort, Path runDir) {
        record(runsRoot(), basePort, runDir);
    }

    static void record(Path runsRoot, int basePort, Path runDir) {
        try {
            Files.createDirectories(runsRoot);
            Files.writeString(pointerFile(runsRoot, basePort), runDir.toAbsolutePath().normalize() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Commands then need --token, --token-file or CENTAUR_TOKEN; nothing else depends on it.
        }
    }

    /** The admin-token file of the run last started on {@code basePort}, when one exists. */
    public static Optional<Path> adminTokenFile(int basePort) {
        return adminTokenFile(runsRoot(), basePort);
    }

    static Optional<Path> adminTokenFile(Path runsRoot, int basePort) {
        Path pointer = pointerFile(runsRoot, basePort);
        try {
            if (!Files.isRegularFile(pointer)) {
                return Optional.empty();
            }
            Path file = Path.of(Files.readString(pointer, StandardCharsets.UTF_8).strip()).resolve(RunAuth.ADMIN_TOKEN_FILE);
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }
}
