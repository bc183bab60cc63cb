package dev.centaur.crowd.service;

import dev.centaur.crowd.aggregation.Aggregator;
import dev.centaur.crowd.aggregation.MajorityVote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Plain-Java collaborators the services inject. */
@ApplicationScoped
public class CrowdBeans {

    /** The aggregation method applied to completed items. */
    @Produces
    @ApplicationScoped
    Aggregator aggregator() {
        return new MajorityVote();
    }

    /** Wall clock for leases and timestamps; one place to replace in tests if ever needed. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
