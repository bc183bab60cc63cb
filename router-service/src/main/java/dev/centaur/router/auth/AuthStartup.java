package dev.centaur.router.auth;

import dev.centaur.router.config.AuthConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/** Refuses to start with auth on and no service token; warns once when auth is off. */
@ApplicationScoped
public class AuthStartup {

    private static final Logger LOG = Logger.getLogger(AuthStartup.class);

    @Inject
    AuthConfig config;

    void check(@Observes StartupEvent start) {
        List<String> problems = Callers.problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("router-service cannot start: " + String.join("; ", problems));
        }
        if (!config.enabled()) {
            LOG.warn("centaur.auth.enabled is false: every caller of router-service has every role (principal "
                    + "\"local\"); never run like this where anyone else can reach the port");
        }
    }
}
