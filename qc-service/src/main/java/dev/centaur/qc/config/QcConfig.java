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

    /** The threshold feedback: asking router for a higher threshold when the model misses the target. */
    Feedback feedback();

    /** Calls to router-service (RaiseThreshold). */
    Router router();

    interface Feedback {

        /**
         * Decided MODEL reviews a project needs before its interval is trusted to ask for a raise: with
         * fewer, the upper bound is wide and a few unlucky reviews would move the threshold.
         */
        @WithDefault("20")
        int minModelReviews();

        /** How much above the project's current lowest threshold qc asks for (capped at 1.0). */
        @WithDefault("0.05")
        double thresholdStep();

        /**
         * New decided MODEL reviews needed after a raise request before the next one: each request
         * stands on new evidence, so one bad stretch raises the threshold once, not after every verdict.
         */
        @WithDefault("20")
        int reviewsBetweenRaises();

        /** Pause between two runs of the worker that sends raise requests to router. */
        @WithDefault("5s")
        Duration sendInterval();

        /** How long a raise request whose call failed waits before the next try. */
        @WithDefault("30s")
        Duration retryBackoff();

        /** Raise requests sent per run of the worker. */
        @WithDefault("50")
        int batchSize();
    }

    interface Router {

        /** Deadline of one RaiseThreshold call. */
        @WithDefault("5s")
        Duration deadline();

        /** Attempts per call while router is UNAVAILABLE (RaiseThreshold is idempotent). */
        @WithDefault("3")
        int maxAttempts();

        /** Pause between two attempts. */
        @WithDefault("200ms")
        Duration retryDelay();
    }

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
