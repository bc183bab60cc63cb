package dev.centaur.cli.launch;

import dev.centaur.cli.CliException;
import dev.centaur.guard.BearerTokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tokens of one run of the services (DESIGN.md, Roles): a fresh service token, which the
 * services send to each other, and a fresh bootstrap admin token, of which the services get only
 * the SHA-256 and this command keeps the token in an owner-only file of the run directory. Or,
 * for debugging, auth turned off in every service.
 */
public final class RunAuth {

    /** The admin token's file in the run directory; the cli's commands read it from there. */
    public static final String ADMIN_TOKEN_FILE = "admin-token";
    /** rw------- : only the user who started the run may read the admin token. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    static final String ENABLED_ENV = "CENTAUR_AUTH_ENABLED";
    static final String SERVICE_TOKEN_ENV = "CENTAUR_AUTH_SERVICE_TOKEN";
    static final String ADMIN_TOKEN_SHA256_ENV = "CENTAUR_AUTH_ADMIN_TOKEN_SHA256";
    /** Prefixes make a leaked token recognizable (and findable by secret scanners). */
    private static final String SERVICE_TOKEN_PREFIX = "centaur_svc_";
    private static final String ADMIN_TOKEN_PREFIX = "centaur_adm_";

    private final String serviceToken;
    private final String adminToken;

    private RunAuth(String serviceToken, String adminToken) {
        this.serviceToken = serviceToken;
        this.adminToken = adminToken;
    }

    /** New random service and admin tokens, for one run. */
    public static RunAuth fresh() {
        return new RunAuth(BearerTokens.newToken(SERVICE_TOKEN_PREFIX), BearerTokens.newToken(ADMIN_TOKEN_PREFIX));
    }

    /** Auth off in every service ({@code --no-auth}): every caller may do everything. */
    public static RunAuth disabled() {
        return new RunAuth(null, null);
    }

    public boolean enabled() {
        return adminToken != null;
    }

    /** The bootstrap admin token; empty with auth off. */
    public Optional<String> adminToken() {
        return Optional.ofNullable(adminToken);
    }

    /** What every service's environment gets: the service token and the admin token's hash, never the admin token. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (!enabled()) {
            env.put(ENABLED_ENV, "false");
            return env;
        }
        env.put(ENABLED_ENV, "true");
        env.put(SERVICE_TOKEN_ENV, serviceToken);
        env.put(ADMIN_TOKEN_SHA256_ENV, BearerTokens.sha256Hex(adminToken));
        return env;
    }

    /**
     * Writes the admin token to {@code runDir/admin-token}, readable by the owner only from its
     * first byte on (a temporary file made with those permissions, then moved in place); with auth
     * off, removes a token file an earlier run left. Returns the file, or empty with auth off.
     */
    public Optional<Path> writeAdminToken(Path runDir) {
        Path file = runDir.resolve(ADMIN_TOKEN_FILE);
        try {
            if (!enabled()) {
                Files.deleteIfExists(file);
                return Optional.empty();
            }
            Path temporary = runDir.resolve(ADMIN_TOKEN_FILE + ".tmp");
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException raced) {
                throw new CliException("Another command is writing " + temporary + " at the same time");
            }
            // The umask may have taken bits away, never added any; set them exactly anyway.
            Files.setPosixFilePermissions(temporary, OWNER_ONLY);
            Files.writeString(temporary, adminToken + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.of(file);
        } catch (UnsupportedOperationException e) {
            throw new CliException("Cannot keep the admin token private in " + runDir
                    + ": its file system has no POSIX permissions; choose another --run-dir", e);
        } catch (IOException e) {
            throw new CliException("Cannot write the admin token to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Never the tokens themselves. */
    @Override
    public String toString() {
        return enabled() ? "RunAuth[on]" : "RunAuth[off]";
    }
}
