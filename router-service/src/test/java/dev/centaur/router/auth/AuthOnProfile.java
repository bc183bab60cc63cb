package dev.centaur.router.auth;

import dev.centaur.guard.BearerTokens;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Auth on as in production, with a known service token and a known bootstrap admin token. */
public class AuthOnProfile implements QuarkusTestProfile {

    public static final String SERVICE_TOKEN = "test-service-token-3f9c2a71b6d04e58";
    public static final String ADMIN_TOKEN = "test-admin-token-8d1e6b4c2f7a9035";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "centaur.auth.enabled", "true",
                "centaur.auth.service-token", SERVICE_TOKEN,
                "centaur.auth.admin-token-sha256", BearerTokens.sha256Hex(ADMIN_TOKEN));
    }
}
