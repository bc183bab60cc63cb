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

    /** Aggregation of answers when an item reaches its overlap. */
    Aggregation aggregation();

    /** The worker that aggregates items due for evaluation, a fit per project batch. */
    Evaluation evaluation();

    /** Control (golden) tasks and the annotator skills measured on them. */
    Control control();

    interface Aggregation {
        /**
         * Methods such as Dawid-Skene and GLAD learn worker reliability from many items, so an item
         * is aggregated by fitting on the project's most recent answers, at most this many (the
         * item's own answers always among them), and reading that item's posterior.
         */
        @WithDefault("50000")
        int windowAnswers();
    }

    interface Evaluation {
        /**
         * Whether this replica runs the evaluation worker. Off, due items wait for a replica that
         * runs it (the work is shared through the database, so any number of them may).
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Pause between two rounds of the evaluation worker, so an item is aggregated about this long
         * after the answer that brought it to its wanted answers. Quarkus' scheduler checks its
         * triggers once a second, so shorter values would still run once a second.
         */
        @WithDefault("1s")
        Duration interval();

        /**
         * Due items of one project claimed and settled per transaction, with one fit of the method.
         * Their answers are always part of the fit's window, so keep batch-size times max_overlap
         * below {@code aggregation.window-answers}.
         */
        @WithDefault("1000")
        int batchSize();
    }

    interface Control {
        /** Beta prior of a skill: pseudo correct control answers every annotator starts with. */
        @WithDefault("4")
        double priorCorrect();

        /** Beta prior of a skill: pseudo wrong control answers every annotator starts with. */
        @WithDefault("1")
        double priorWrong();

        /** Control answers an annotator gives before their skill may suspend them. */
        @WithDefault("5")
        int minAnswersBeforeSuspension();
    }

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
