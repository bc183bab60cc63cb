-- The policy modes, per-label thresholds and the threshold floor; the policy history; golden items.

ALTER TABLE project
    -- THRESHOLD: the user's thresholds; TARGET_ACCURACY / BUDGET: router sets threshold from the curve.
    ADD COLUMN mode                   text             NOT NULL DEFAULT 'THRESHOLD'
                                      CHECK (mode IN ('THRESHOLD', 'TARGET_ACCURACY', 'BUDGET')),
    -- Per predicted label (parallel arrays, same length): labels without an entry use threshold.
    ADD COLUMN label_threshold_labels text[]           NOT NULL DEFAULT '{}',
    ADD COLUMN label_threshold_values double precision[] NOT NULL DEFAULT '{}',
    ADD COLUMN target_accuracy        double precision NOT NULL DEFAULT 0
                                      CHECK (target_accuracy BETWEEN 0 AND 1),
    ADD COLUMN budget_per_item        double precision NOT NULL DEFAULT 0 CHECK (budget_per_item >= 0),
    -- Floor under every effective threshold (RaiseThreshold).
    ADD COLUMN min_threshold          double precision NOT NULL DEFAULT 0 CHECK (min_threshold BETWEEN 0 AND 1),
    -- New evidence arrived (or the policy changed): the curve worker recomputes the operating point.
    ADD COLUMN curve_stale            boolean          NOT NULL DEFAULT false,
    ADD CHECK (cardinality(label_threshold_labels) = cardinality(label_threshold_values));

CREATE INDEX project_curve_stale ON project (project_id) WHERE curve_stale;

CREATE TABLE policy_change (
    id          bigserial        PRIMARY KEY,
    project_id  text COLLATE "C" NOT NULL REFERENCES project (project_id),
    changed_at  timestamptz      NOT NULL,
    actor       text             NOT NULL CHECK (actor IN ('USER', 'AUTOMATIC')),
    old_policy  text             NOT NULL,
    new_policy  text             NOT NULL,
    reason      text             NOT NULL
);

CREATE INDEX policy_change_by_project ON policy_change (project_id, id);

-- Items with a known label. The held-out share is predicted by the model to measure it; the rest
-- is exported as training data. Never routed, never a project item.
CREATE TABLE golden_item (
    project_id          text COLLATE "C" NOT NULL REFERENCES project (project_id),
    item_id             text COLLATE "C" NOT NULL CHECK (length(item_id) BETWEEN 1 AND 128),
    text                text,
    text_a              text,
    text_b              text,
    gold_label          text             NOT NULL,
    holdout             boolean          NOT NULL,
    model_version       text,
    model_probabilities double precision[],
    added_at            timestamptz      NOT NULL,
    next_attempt_at     timestamptz      NOT NULL,
    PRIMARY KEY (project_id, item_id),
    CHECK ((text IS NOT NULL AND text_a IS NULL AND text_b IS NULL)
        OR (text IS NULL AND text_a IS NOT NULL AND text_b IS NOT NULL)),
    CHECK ((model_version IS NULL) = (model_probabilities IS NULL))
);

-- The golden prediction worker's queue: held-out items without a distribution.
CREATE INDEX golden_item_awaiting_model ON golden_item (next_attempt_at) WHERE holdout AND model_version IS NULL;
