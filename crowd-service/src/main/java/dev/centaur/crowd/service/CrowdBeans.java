package dev.centaur.crowd.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Plain-Java collaborators the services inject. */
@ApplicationScoped
public class CrowdBeans {

    /** Wall clock for leases and timestamps; one place to replace in tests if ever needed. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
