package dev.centaur.guard.auth;

import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.ExpiringCache;
import dev.centaur.guard.Roles;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Who holds a bearer token, in the order the design fixes: the services' own token (role service),
 * the bootstrap admin's hash (role admin), then the token authority (router), whose answers are
 * remembered for a while: known tokens for {@code cacheTtl}, unknown ones for the shorter
 * {@code negativeCacheTtl}. A revoked token therefore stops working within {@code cacheTtl}, and
 * a service keeps answering callers it has seen while router is briefly down. Only hashes of
 * router-issued tokens are kept.
 */
public final class TokenResolver {

    /** Config key of the services' own token, named when it is missing. */
    public static final String SERVICE_TOKEN_KEY = "centaur.auth.service-token";
    /** Config key of the bootstrap admin token's SHA-256, named when it is malformed. */
    public static final String ADMIN_TOKEN_SHA256_KEY = "centaur.auth.admin-token-sha256";
    /** Subject of calls made with the service token. */
    public static final String SERVICE_SUBJECT = "service";
    /** Subject of calls made with the bootstrap admin token. */
    public static final String BOOTSTRAP_ADMIN_SUBJECT = "bootstrap-admin";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Caller SERVICE = new Caller(SERVICE_SUBJECT, Roles.SERVICE);
    private static final Caller BOOTSTRAP_ADMIN = new Caller(BOOTSTRAP_ADMIN_SUBJECT, Roles.ADMIN);

    /**
     * What a service configures.
     *
     * @param serviceToken the services' own token; required
     * @param adminTokenSha256 hex SHA-256 of the bootstrap admin token; optional
     * @param cacheTtl how long the authority's "known" answers are remembered
     * @param negativeCacheTtl how long its "unknown or revoked" answers are remembered
     * @param maxCachedTokens tokens remembered at once (the cache starts over when full)
     */
    public record Settings(Optional<String> serviceToken, Optional<String> adminTokenSha256, Duration cacheTtl,
            Duration negativeCacheTtl, int maxCachedTokens) {
    }

    private final String serviceTokenSha256;
    private final Optional<String> adminTokenSha256;
    private final long cacheTtlNanos;
    private final long negativeCacheTtlNanos;
    private final TokenAuthority authority;
    /** By token hash; an empty Optional is a remembered "unknown or revoked". */
    private final ExpiringCache<String, Optional<Caller>> answers;

    public TokenResolver(Settings settings, TokenAuthority authority, LongSupplier nanoClock) {
        String serviceToken = settings.serviceToken().map(String::trim).filter(t -> !t.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException(SERVICE_TOKEN_KEY
                        + " is not set: with auth on, every service needs the services' token to accept and make "
                        + "calls between services (env CENTAUR_AUTH_SERVICE_TOKEN, from the Kubernetes Secret)"));
        Optional<String> admin = settings.adminTokenSha256().map(String::trim).filter(h -> !h.isEmpty());
        if (admin.isPresent() && !SHA256_HEX.matcher(admin.get()).matches()) {
            throw new IllegalArgumentException(ADMIN_TOKEN_SHA256_KEY + " '" + admin.get()
                    + "' is not a hex SHA-256 (64 hex digits): set the hash of the admin token, never the token");
        }
        if (settings.cacheTtl().isNegative() || settings.negativeCacheTtl().isNegative()) {
            throw new IllegalArgumentException("cache TTLs " + settings.cacheTtl() + " and "
                    + settings.negativeCacheTtl() + " must not be negative");
        }
        this.serviceTokenSha256 = BearerTokens.sha256Hex(serviceToken);
        this.adminTokenSha256 = admin.map(String::toLowerCase);
        this.cacheTtlNanos = settings.cacheTtl().toNanos();
        this.negativeCacheTtlNanos = settings.negativeCacheTtl().toNanos();
        this.authority = authority;
        this.answers = new ExpiringCache<>(settings.maxCachedTokens(), nanoClock);
    }

    public TokenResolver(Settings settings, TokenAuthority authority) {
        this(settings, authority, System::nanoTime);
    }

    /**
     * The token's holder, asking the authority only when neither the configuration nor a
     * remembered answer knows it (so call it where blocking is allowed); empty for an unknown or
     * revoked token.
     *
     * @throws AuthorityUnavailableException when the authority had to be asked and could not answer
     */
    public Optional<Caller> resolve(String token) {
        Optional<Caller> configured = configured(token);
        if (configured.isPresent()) {
            return configured;
        }
        String hash = BearerTokens.sha256Hex(token);
        Optional<Optional<Caller>> remembered = answers.get(hash);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        Optional<Caller> answer = authority.authenticate(token).filter(c -> Roles.ISSUABLE.contains(c.role()));
        answers.put(hash, answer, answer.isPresent() ? cacheTtlNanos : negativeCacheTtlNanos);
        return answer;
    }

    /** The token's holder if known without asking the authority (configured, or remembered as known). */
    public Optional<Caller> known(String token) {
        Optional<Caller> configured = configured(token);
        if (configured.isPresent()) {
            return configured;
        }
        return answers.get(BearerTokens.sha256Hex(token)).flatMap(answer -> answer);
    }

    /** Hex SHA-256 of the services' own token (what the limits exempt). */
    public String serviceTokenSha256() {
        return serviceTokenSha256;
    }

    private Optional<Caller> configured(String token) {
        if (BearerTokens.matches(token, serviceTokenSha256)) {
            return Optional.of(SERVICE);
        }
        if (adminTokenSha256.isPresent() && BearerTokens.matches(token, adminTokenSha256.get())) {
            return Optional.of(BOOTSTRAP_ADMIN);
        }
        return Optional.empty();
    }
}
