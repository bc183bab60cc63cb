package dev.centaur.crowd.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the crowd service, under {@code centaur.crowd}. */
@ConfigMapping(prefix = "centaur.crowd")
public interface CrowdConfig {

    /** How long an annotator holds a task before it returns to the pool. */
    @WithDefault("10m")
    Duration leaseDuration();

    /** Longest text (each of text, text_a, text_b) an enqueued item may carry, in characters. */
    @WithDefault("10000")
    int maxTextLength();

    /** Reporting of completed items to router through the outbox. */
    Report report();

    interface Report {
        /**
         * Pause between two rounds of the outbox worker. Quarkus' scheduler checks its triggers once
         * a second, so shorter values would still run once a second (and log a warning at start).
         */
        @WithDefault("1s")
        Duration interval();

        /** Outbox rows sent per transaction; a round sends batches until the outbox is empty. */
        @WithDefault("100")
        int batchSize();

        /** Deadline of one ReportCrowdResult call. */
        @WithDefault("5s")
        Duration deadline();
    }
}
