package dev.centaur.router.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Tuning of router-service: workers, peers and input limits. */
@ConfigMapping(prefix = "centaur.router")
public interface RouterConfig {

    /** The routing worker: NEW items to the model, then to a final label or to the crowd. */
    Routing routing();

    /** The outbox workers that hand projects, items and labels to crowd and qc. */
    Outbox outbox();

    /** Calls to inference-service (Predict). */
    Inference inference();

    /** Calls to crowd-service (UpsertProject, Enqueue). */
    Crowd crowd();

    /** Calls to qc-service (Offer, ListCorrections). */
    Qc qc();

    /** The worker that applies qc's expert corrections to final labels. */
    Corrections corrections();

    /** The worker that pulls every decided qc verdict (reviews done, curve evidence). */
    Verdicts verdicts();

    /** Limits on submitted items. */
    Items items();

    /** Reading final labels back. */
    Labels labels();

    /** Metrics refreshed from the database. */
    Metrics metrics();

    /** Golden items: the split and their prediction worker. */
    Golden golden();

    /** The cost-quality curve and its recomputation. */
    Curve curve();

    /** StartFineTune: the examples sent to inference. */
    FineTune fineTune();

    interface Routing {
        /** Pause between two runs of the routing worker. */
        @WithDefault("200ms")
        Duration interval();

        /** NEW items claimed per Predict call (all of one project). */
        @WithDefault("256")
        int batchSize();

        /**
         * How long a batch waits before it is tried again when inference is down or its answer
         * cannot be used; meanwhile other batches are routed.
         */
        @WithDefault("2s")
        Duration retryBackoff();
    }

    interface Outbox {
        /** Pause between two runs of the crowd and qc hand-off workers. */
        @WithDefault("500ms")
        Duration interval();

        /**
         * How long a batch whose hand-off failed (peer down, rejected, bad answer) waits before it
         * is tried again; meanwhile the workers serve other batches.
         */
        @WithDefault("2s")
        Duration retryBackoff();
    }

    interface Inference {
        /** Deadline of one Predict call (a whole batch). */
        @WithDefault("15s")
        Duration deadline();

        /** Attempts per Predict call when inference is UNAVAILABLE (Predict only reads). */
        @WithDefault("2")
        int maxAttempts();

        /** Pause between two attempts. */
        @WithDefault("100ms")
        Duration retryDelay();
    }

    interface Crowd {
        /** Deadline of one UpsertProject or Enqueue call. */
        @WithDefault("5s")
        Duration deadline();

        /** Attempts per call when crowd is UNAVAILABLE (both calls are idempotent). */
        @WithDefault("3")
        int maxAttempts();

        /** Pause between two attempts. */
        @WithDefault("100ms")
        Duration retryDelay();

        /** Items per Enqueue call (crowd accepts at most 1000). */
        @WithDefault("200")
        int batchSize();

        /** Projects pushed with UpsertProject per run of the worker. */
        @WithDefault("50")
        int projectBatchSize();
    }

    interface Qc {
        /** Deadline of one Offer or ListCorrections call. */
        @WithDefault("5s")
        Duration deadline();

        /** Attempts per call when qc is UNAVAILABLE (Offer is idempotent per item; ListCorrections reads). */
        @WithDefault("3")
        int maxAttempts();

        /** Pause between two attempts. */
        @WithDefault("100ms")
        Duration retryDelay();

        /** Final labels per Offer call (qc accepts at most 1000). */
        @WithDefault("200")
        int batchSize();
    }

    interface Corrections {
        /** Pause between two runs of the worker that pulls corrections from qc. */
        @WithDefault("5s")
        Duration interval();

        /**
         * How long a project waits between two polls of qc once it is caught up (or qc failed); a
         * project with corrections still to read is polled again at once.
         */
        @WithDefault("30s")
        Duration pollInterval();

        /** How long a project qc does not know (NOT_FOUND) waits before the next poll. */
        @WithDefault("5m")
        Duration unknownProjectBackoff();

        /** Corrections asked for per ListCorrections call (qc allows 1..1000). */
        @WithDefault("200")
        int pageSize();
    }

    interface Verdicts {
        /** Pause between two runs of the worker that pulls verdicts from qc. */
        @WithDefault("5s")
        Duration interval();

        /**
         * How long a project waits between two polls of qc once it is caught up (or qc failed); a
         * project with verdicts still to read is polled again at once.
         */
        @WithDefault("30s")
        Duration pollInterval();

        /** How long a project qc does not know (NOT_FOUND) waits before the next poll. */
        @WithDefault("5m")
        Duration unknownProjectBackoff();

        /** Verdicts asked for per ListVerdicts call (qc allows 1..1000). */
        @WithDefault("200")
        int pageSize();
    }

    interface Items {
        /** Most characters in one text (text, text_a or text_b). */
        @WithDefault("10000")
        int maxTextLength();

        /** Most items in one SubmitItems call. */
        @WithDefault("1000")
        int maxPerSubmit();

        /** Most metadata entries per item. */
        @WithDefault("50")
        int maxMetadataEntries();
    }

    interface Labels {
        /** Final labels read from the database per page while ExportLabels streams. */
        @WithDefault("500")
        int exportPageSize();
    }

    interface Metrics {
        /** How often the outbox backlog gauges are recounted. */
        @WithDefault("5s")
        Duration backlogRefreshInterval();
    }

    interface Golden {
        /**
         * Share of golden items held out to measure the model (predicted, never exported for
         * training unless asked); decided per item id when the item is added.
         */
        @WithDefault("0.3")
        double holdoutShare();

        /** Held-out golden items per Predict call. */
        @WithDefault("256")
        int batchSize();

        /** How long golden items wait after a failed Predict (no model yet, peer down) before the next try. */
        @WithDefault("5s")
        Duration retryBackoff();
    }

    interface FineTune {
        /**
         * Examples one StartFineTune sends at most (inference takes 200,000 and 64 MiB); golden
         * ones first, then expert ones, then the crowd's, each in item id order.
         */
        @WithDefault("50000")
        int maxExamples();
    }

    interface Curve {
        /** The lowest threshold on the curve's grid; the grid runs up to 1.0. */
        @WithDefault("0.5")
        double gridStart();

        /** Distance between two thresholds on the grid. */
        @WithDefault("0.01")
        double gridStep();

        /**
         * The crowd's accuracy assumed while no item has both a crowd and a gold label (the curve
         * says when it is assumed).
         */
        @WithDefault("0.9")
        double assumedCrowdAccuracy();

        /**
         * Judge the model against crowd labels on items without gold (besides the golden items).
         * Off by default: crowd-labeled items are the ones the model was unsure of, a sample biased
         * towards hard items, which on product-matching drove the estimated coverage far below
         * the real one.
         */
        @WithDefault("false")
        boolean useCrowdLabels();

        /**
         * Reviews of each route (items the model labeled, items sent to the crowd) that qc's experts
         * must have decided before reviewed items judge the model: a route with items but fewer
         * reviews cannot be stood for, and the reviews of the other route alone are a truncated sample.
         */
        @WithDefault("5")
        long minReviewsPerRoute();

        /** How often the worker recomputes operating points of projects with new evidence. */
        @WithDefault("1s")
        Duration recomputeInterval();
    }
}
