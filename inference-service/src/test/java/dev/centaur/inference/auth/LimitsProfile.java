package dev.centaur.inference.auth;

import dev.centaur.guard.BearerTokens;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** inference with auth on and a tiny rate limit: two calls at once per caller, then one every 1000 s. */
public class LimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "centaur.auth.enabled", "true",
                "centaur.auth.service-token", AuthProfile.SERVICE_TOKEN,
                "centaur.auth.admin-token-sha256", BearerTokens.sha256Hex(AuthProfile.ADMIN_TOKEN),
                "centaur.limits.requests-per-second", "0.001",
                "centaur.limits.burst", "2");
    }
}
