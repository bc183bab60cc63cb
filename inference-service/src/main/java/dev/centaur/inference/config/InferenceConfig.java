package dev.centaur.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the inference service ({@code centaur.inference.*}). */
@ConfigMapping(prefix = "centaur.inference")
public interface InferenceConfig {

    /**
     * Readiness also requires at least one active model loaded. Off by default: a fresh
     * installation has no model yet and is still ready to train one.
     */
    @WithDefault("false")
    boolean requireActiveModel();

    /**
     * How often each replica re-reads which versions are active, since another replica may have
     * switched one ("off" disables it; Train and Activate switch this replica at once).
     */
    @WithDefault("30s")
    String activeRefreshInterval();

    /**
     * PyTorch intra-op (and inter-op) threads; 0 keeps PyTorch's default of one per core. One suits
     * these small models: parallelism comes from concurrent requests.
     */
    @WithDefault("1")
    int engineThreads();

    /** Sizes of the built-in model (recorded with each version, so changing them affects only new ones). */
    Model model();

    /** How the built-in model is trained. */
    Training training();

    /** Request limits. */
    Limits limits();

    /** Dynamic batching of Predict: one queue and one worker per loaded version. */
    Batching batching();

    /**
     * The directory TORCHSCRIPT versions are registered from (a mounted volume); RegisterModel's
     * model_dir is resolved inside it and may not leave it.
     */
    @WithDefault("/var/lib/centaur/models")
    String modelStore();

    /** REMOTE_LLM versions: calls to OpenAI-compatible chat-completions endpoints. */
    RemoteLlm remoteLlm();

    /** FineTune jobs. */
    Jobs jobs();

    interface RemoteLlm {
        /** top_logprobs asked for when a registration leaves it at 0 (labels outside them get a floor). */
        @WithDefault("10")
        int topLogprobs();

        /** Time allowed for one completion when a registration leaves timeout_ms at 0. */
        @WithDefault("30s")
        Duration timeout();

        /** Longest timeout_ms a registration may ask for. */
        @WithDefault("5m")
        Duration maxTimeout();

        /** Time allowed to open a connection to an endpoint. */
        @WithDefault("5s")
        Duration connectTimeout();
    }

    interface Jobs {
        /** Jobs run at once, each on its own thread (they also take a training slot). */
        @WithDefault("1")
        int threads();

        /** Jobs waiting for a thread at most; FineTune answers RESOURCE_EXHAUSTED beyond. */
        @WithDefault("16")
        int maxQueued();

        /** How often a process tells the database its jobs are alive. */
        @WithDefault("10s")
        Duration heartbeatInterval();

        /**
         * Unfinished jobs whose heartbeat is older than this belong to a process that died: they are
         * marked FAILED at startup and by a periodic sweep. Several heartbeat intervals.
         */
        @WithDefault("60s")
        Duration staleAfter();

        /** Progress is written to the database at most this often. */
        @WithDefault("1s")
        Duration progressInterval();
    }

    interface Batching {
        /** Items in one forward pass at most (also the chunk size of held-out evaluation). */
        @WithDefault("256")
        int maxBatchSize();

        /**
         * How long the worker waits for more items once it holds the first. 0 runs a pass as soon
         * as the worker is free: items that arrive during a pass form the next batch anyway, and
         * on 2 cores any wait cost more than it gained (BatchingBench: 23,000 items/s at 64
         * concurrent callers with 0, 11,700 with 2ms; at 1 caller 5,600 vs 380).
         */
        @WithDefault("0ms")
        Duration maxDelay();

        /**
         * Items waiting per loaded version at most; a request that does not fit is refused at once
         * with RESOURCE_EXHAUSTED. At least limits.max-items-per-request, so one request always fits
         * an empty queue.
         */
        @WithDefault("20000")
        int queueCapacity();
    }

    interface Model {
        /** Embedding rows shared by the hashed features (more did not help on the pair sets). */
        @WithDefault("32768")
        int buckets();

        /** Width of an embedding row. */
        @WithDefault("32")
        int embeddingDim();

        /** Features kept per item, the most informative kinds first. */
        @WithDefault("400")
        int maxFeatures();

        /** Length of the character n-grams. */
        @WithDefault("3")
        int charNgram();

        /** Bins used to turn overlap values of pairs into sparse features. */
        @WithDefault("10")
        int quantizationBins();
    }

    interface Training {
        /** Passes over the training part. */
        @WithDefault("10")
        int epochs();

        /** Adam's learning rate. */
        @WithDefault("0.01")
        float learningRate();

        /**
         * L2 penalty on the weights, against memorising rare hashed features (product-matching:
         * 0.937 without, 0.965 at 0.001, 0.954 at 0.01).
         */
        @WithDefault("0.001")
        float weightDecay();

        /** Examples per optimisation step. */
        @WithDefault("64")
        int batchSize();

        /** Share of examples held out when a request leaves holdout_fraction at 0. */
        @WithDefault("0.2")
        double holdoutFraction();

        /** Seed when a request leaves seed at 0. */
        @WithDefault("42")
        long seed();

        /**
         * Folds of the cross-fitting that fits the temperature when fewer than cross-fit-below
         * examples are held out (below 2: never). Ten, so each fold model sees 90% of the training
         * part and its confidence resembles the final model's.
         */
        @WithDefault("10")
        int calibrationFolds();

        /**
         * Cross-fit the temperature when fewer examples than this are held out: a temperature
         * fitted on a few dozen items swings with the split (sst2-dev: 87 held-out items).
         */
        @WithDefault("300")
        int crossFitBelow();

        /** Trainings run at once; more wait (each uses all cores). */
        @WithDefault("1")
        int maxConcurrent();
    }

    interface Limits {
        /** Characters allowed in one text (text, text_a or text_b). */
        @WithDefault("10000")
        int maxTextLength();

        /** Items allowed in one Predict request. */
        @WithDefault("1000")
        int maxItemsPerRequest();

        /**
         * PredictStream messages the server takes in ahead of its answers (flow control): more
         * overlap of network and model, more memory per stream.
         */
        @WithDefault("4")
        int streamWindow();

        /** Examples a Train request needs at least. */
        @WithDefault("10")
        int minExamples();

        /** Examples a Train request may carry at most. */
        @WithDefault("200000")
        int maxExamples();
    }
}
