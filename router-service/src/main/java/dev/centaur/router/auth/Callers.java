package dev.centaur.router.auth;

import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.ExpiringCache;
import dev.centaur.guard.Roles;
import dev.centaur.router.config.AuthConfig;
import dev.centaur.router.service.AccessTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a bearer token is, in the design's order: the services' token, the bootstrap admin's hash
 * from configuration, then the tokens router issued (its own table, read every time, so a revoked
 * token stops at once).
 */
@ApplicationScoped
public class Callers {

    public static final String SERVICE_SUBJECT = "service";
    public static final String BOOTSTRAP_ADMIN_SUBJECT = "bootstrap-admin";
    /** The principal of every caller while auth is off. */
    public static final String LOCAL_SUBJECT = "local";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    /**
     * Callers router resolved lately, kept only to name a refused caller's role in PERMISSION_DENIED
     * (the role check fails where the identity is out of reach); never used to let anyone in.
     */
    private static final int REMEMBERED_CALLERS = 10_000;
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    @Inject
    AuthConfig config;

    @Inject
    AccessTokens tokens;

    private Optional<String> serviceTokenSha256 = Optional.empty();
    private final ExpiringCache<String, Caller> recent = new ExpiringCache<>(REMEMBERED_CALLERS);

    @PostConstruct
    void hashServiceToken() {
        serviceTokenSha256 = config.serviceToken().map(BearerTokens::sha256Hex);
    }

    /**
     * What is wrong with the auth settings, empty when router may start: auth on needs the
     * service token, and an admin hash must be a hex SHA-256.
     */
    public static List<String> problems(AuthConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.enabled() && config.serviceToken().filter(token -> !token.isBlank()).isEmpty()) {
            problems.add("centaur.auth.enabled is true but centaur.auth.service-token (env "
                    + "CENTAUR_AUTH_SERVICE_TOKEN) is not set: the services could not call each other");
        }
        config.adminTokenSha256().filter(hash -> !SHA256_HEX.matcher(hash.trim()).matches())
                .ifPresent(hash -> problems.add("centaur.auth.admin-token-sha256 (env "
                        + "CENTAUR_AUTH_ADMIN_TOKEN_SHA256) must be 64 hex digits (the token's SHA-256), got "
                        + hash.trim().length() + " characters"));
        return problems;
    }

    /** The service or bootstrap admin identity, from configuration alone (no I/O). */
    public Optional<Caller> configured(String token) {
        if (serviceTokenSha256.isPresent() && BearerTokens.matches(token, serviceTokenSha256.get())) {
            return Optional.of(new Caller(Roles.SERVICE, SERVICE_SUBJECT, Optional.empty()));
        }
        if (config.adminTokenSha256().isPresent() && BearerTokens.matches(token, config.adminTokenSha256().get())) {
            return Optional.of(new Caller(Roles.ADMIN, BOOTSTRAP_ADMIN_SUBJECT, Optional.empty()));
        }
        return Optional.empty();
    }

    /** A working token router issued; reads the database (call it off the event loop). */
    public Optional<Caller> issued(String token) {
        Optional<Caller> caller = tokens.findWorking(token)
                .map(row -> new Caller(row.role, row.subject, Optional.of(row.tokenId)));
        caller.ifPresent(found -> recent.put(BearerTokens.sha256Hex(token), found, REMEMBERED_FOR.toNanos()));
        return caller;
    }

    /** The caller for an error message, without I/O: configured, or resolved lately. */
    public Optional<Caller> described(String token) {
        return configured(token).or(() -> recent.get(BearerTokens.sha256Hex(token)));
    }
}
