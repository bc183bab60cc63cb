package dev.centaur.qc.grpc;

import dev.centaur.guard.BearerTokens;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * qc with auth on and known tokens: the service token, the bootstrap admin (by hash), and router
 * (FakeRouter, the in-test AccessService) for every other token. Short cache times, so the tests
 * can watch an answer expire.
 */
public class AuthProfile implements QuarkusTestProfile {

    public static final String SERVICE_TOKEN = "qc-auth-test-service-token";
    public static final String ADMIN_TOKEN = "qc-auth-test-admin-token";
    /** Long enough for a few calls on a busy machine, short enough to wait out in a test. */
    public static final long CACHE_TTL_MS = 3000;
    public static final long NEGATIVE_CACHE_TTL_MS = 2000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "centaur.auth.enabled", "true",
                "centaur.auth.service-token", SERVICE_TOKEN,
                "centaur.auth.admin-token-sha256", BearerTokens.sha256Hex(ADMIN_TOKEN),
                "centaur.auth.cache-ttl", CACHE_TTL_MS + "ms",
                "centaur.auth.negative-cache-ttl", NEGATIVE_CACHE_TTL_MS + "ms");
    }
}
