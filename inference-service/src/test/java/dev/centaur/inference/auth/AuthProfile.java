package dev.centaur.inference.auth;

import dev.centaur.guard.BearerTokens;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * inference with auth on and known tokens: the service token, the bootstrap admin (by hash), and
 * router (FakeAccess) for every other token; short cache times, so a test can watch one expire.
 */
public class AuthProfile implements QuarkusTestProfile {

    static final String SERVICE_TOKEN = "inference-auth-test-service-token";
    static final String ADMIN_TOKEN = "inference-auth-test-admin-token";
    static final long CACHE_TTL_MS = 3000;
    static final long NEGATIVE_CACHE_TTL_MS = 2000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "centaur.auth.enabled", "true",
                "centaur.auth.service-token", SERVICE_TOKEN,
                "centaur.auth.admin-token-sha256", BearerTokens.sha256Hex(ADMIN_TOKEN),
                "centaur.auth.cache-ttl", CACHE_TTL_MS + "ms",
                "centaur.auth.negative-cache-ttl", NEGATIVE_CACHE_TTL_MS + "ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeAccess.class));
    }
}
