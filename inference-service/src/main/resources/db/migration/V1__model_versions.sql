-- Model versions: each Train makes one immutable row; at most one row per model_name is active.
CREATE TABLE IF NOT EXISTS inference.model_version (
    id                       uuid PRIMARY KEY,
    model_name               text NOT NULL CHECK (model_name ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    kind                     text NOT NULL CHECK (kind IN ('BUILTIN')),
    -- The label set in the order of every distribution this version returns.
    labels                   text[] NOT NULL CHECK (cardinality(labels) >= 2),
    -- DJL parameter bytes (Block.saveParameters) ...
    weights                  bytea NOT NULL,
    -- ... and the JSON feature configuration (FeatureConfig) needed to rebuild the model exactly.
    feature_config           text NOT NULL,
    -- Calibration: predictions are softmax(logits / temperature).
    temperature              double precision NOT NULL CHECK (temperature > 0),
    -- NULL when nothing was held out.
    heldout_accuracy         double precision,
    heldout_ece_uncalibrated double precision,
    heldout_ece              double precision,
    train_examples           integer NOT NULL CHECK (train_examples >= 0),
    heldout_examples         integer NOT NULL CHECK (heldout_examples >= 0),
    training_millis          bigint NOT NULL,
    seed                     bigint NOT NULL,
    active                   boolean NOT NULL DEFAULT false,
    created_at               timestamptz NOT NULL DEFAULT now()
);

-- At most one active version per model name.
CREATE UNIQUE INDEX IF NOT EXISTS model_version_one_active ON inference.model_version (model_name) WHERE active;
CREATE INDEX IF NOT EXISTS model_version_by_name ON inference.model_version (model_name, created_at DESC);
