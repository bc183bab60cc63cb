package dev.centaur.guard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.Roles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenResolverTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(5);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Map<String, Caller> issued = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private boolean authorityDown;

    private final TokenAuthority authority = token -> {
        asked.add(token);
        if (authorityDown) {
            throw new AuthorityUnavailableException("router down", null);
        }
        return Optional.ofNullable(issued.get(token));
    };

    private TokenResolver resolver(Optional<String> adminSha256) {
        return new TokenResolver(new TokenResolver.Settings(Optional.of("svc-token"), adminSha256, TTL, NEGATIVE_TTL,
                100), authority, now::get);
    }

    @Test
    void theServiceTokenAndTheBootstrapAdminAreKnownWithoutAskingTheAuthority() {
        TokenResolver resolver = resolver(Optional.of(BearerTokens.sha256Hex("admin-token").toUpperCase()));
        assertEquals(Optional.of(new Caller("service", Roles.SERVICE)), resolver.resolve("svc-token"));
        assertEquals(Optional.of(new Caller("bootstrap-admin", Roles.ADMIN)), resolver.resolve("admin-token"));
        assertEquals(List.of(), asked);
        assertEquals(BearerTokens.sha256Hex("svc-token"), resolver.serviceTokenSha256());
    }

    @Test
    void authorityAnswersAreRememberedForTheirTtl() {
        TokenResolver resolver = resolver(Optional.empty());
        issued.put("expert-token", new Caller("alice", Roles.EXPERT));
        assertEquals(Optional.of(new Caller("alice", Roles.EXPERT)), resolver.resolve("expert-token"));
        authorityDown = true;
        now.addAndGet(TTL.toNanos() - 1);
        assertEquals(Optional.of(new Caller("alice", Roles.EXPERT)), resolver.resolve("expert-token"));
        assertEquals(Optional.of(new Caller("alice", Roles.EXPERT)), resolver.known("expert-token"));
        assertEquals(1, asked.size());
        now.addAndGet(1);
        assertEquals(Optional.empty(), resolver.known("expert-token"));
        assertThrows(AuthorityUnavailableException.class, () -> resolver.resolve("expert-token"));
    }

    @Test
    void unknownTokensAreRememberedForTheShorterTtlAndOutagesNotAtAll() {
        TokenResolver resolver = resolver(Optional.empty());
        assertEquals(Optional.empty(), resolver.resolve("nobody"));
        issued.put("nobody", new Caller("late", Roles.CLIENT));
        now.addAndGet(NEGATIVE_TTL.toNanos() - 1);
        assertEquals(Optional.empty(), resolver.resolve("nobody"));
        assertEquals(1, asked.size());
        now.addAndGet(1);
        assertEquals(Optional.of(new Caller("late", Roles.CLIENT)), resolver.resolve("nobody"));

        authorityDown = true;
        assertThrows(AuthorityUnavailableException.class, () -> resolver.resolve("other"));
        authorityDown = false;
        issued.put("other", new Caller("bob", Roles.CLIENT));
        assertEquals(Optional.of(new Caller("bob", Roles.CLIENT)), resolver.resolve("other"));
    }

    @Test
    void theAuthorityCannotHandOutTheServiceRole() {
        TokenResolver resolver = resolver(Optional.empty());
        issued.put("forged", new Caller("x", Roles.SERVICE));
        assertEquals(Optional.empty(), resolver.resolve("forged"));
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheirKey() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new TokenResolver(new TokenResolver.Settings(Optional.of("  "), Optional.empty(), TTL,
                        NEGATIVE_TTL, 10), authority));
        assertTrue(missing.getMessage().startsWith("centaur.auth.service-token is not set"), missing.getMessage());
        IllegalArgumentException notAHash = assertThrows(IllegalArgumentException.class,
                () -> resolver(Optional.of("admin-token")));
        assertTrue(notAHash.getMessage().startsWith("centaur.auth.admin-token-sha256 'admin-token' is not a hex SHA-256"),
                notAHash.getMessage());
    }
}
