package dev.centaur.router.auth;

import java.util.HashMap;
import java.util.Map;

/** Auth on (known tokens) and a rate limit small enough to reach in a test: 2 calls/s, burst 2. */
public class TinyLimitsProfile extends AuthOnProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("centaur.limits.requests-per-second", "2");
        config.put("centaur.limits.burst", "2");
        return config;
    }
}
