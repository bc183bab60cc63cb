package dev.centaur.qc.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the QC service, under {@code centaur.qc.*}. */
@ConfigMapping(prefix = "centaur.qc")
public interface QcConfig {

    /**
     * Seed of the sampling hash. Which items are sampled depends only on (seed, project, item), so
     * keep it fixed for a deployment: changing it changes which future items are sampled.
     */
    @WithDefault("centaur-qc")
    String samplingSeed();

    /** How long an expert holds a review; after that it returns to the pool for anyone. */
    @WithDefault("10m")
    Duration lease();

    /**
     * Longest accepted text, in characters, for each of text, text_a and text_b. At least the
     * router's own limit, so every label the router accepted can be offered.
     */
    @WithDefault("32768")
    int maxTextLength();

    /**
     * How often the accuracy and drift gauges are rebuilt from the database, so that every replica
     * also publishes reviews answered on the others.
     */
    @WithDefault("60s")
    Duration metricsRefresh();

    /** The drift view: accuracy over windows of decided reviews in time order. */
    Drift drift();

    interface Drift {

        /**
         * Decided reviews per window, when GetDrift does not say, and for the drift alert gauge:
         * the latest this many reviews of a (project, source) against the this many before.
         */
        @WithDefault("200")
        int windowSize();

        /** Most windows GetDrift returns per source (the newest ones); at least 2. */
        @WithDefault("12")
        int maxWindows();

        /**
         * Significance level of the one-sided two-proportion z-test behind the drift alert. Small,
         * because the test is repeated after every review.
         */
        @WithDefault("0.01")
        double alpha();
    }
}
