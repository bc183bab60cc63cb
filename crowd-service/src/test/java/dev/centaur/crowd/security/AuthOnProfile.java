package dev.centaur.crowd.security;

import dev.centaur.guard.BearerTokens;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Auth switched on as in production, with known service and bootstrap-admin tokens and short cache times. */
public class AuthOnProfile implements QuarkusTestProfile {

    public static final String SERVICE_TOKEN = "svc-" + "test-service-token";
    public static final String ADMIN_TOKEN = "adm-" + "test-bootstrap-admin-token";
    /** Short, so that the tests can see router's answer expire. */
    public static final String CACHE_TTL = "3s";
    public static final String NEGATIVE_CACHE_TTL = "1s";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "centaur.auth.enabled", "true",
                "centaur.auth.service-token", SERVICE_TOKEN,
                "centaur.auth.admin-token-sha256", BearerTokens.sha256Hex(ADMIN_TOKEN),
                "centaur.auth.cache-ttl", CACHE_TTL,
                "centaur.auth.negative-cache-ttl", NEGATIVE_CACHE_TTL);
    }
}
