-- Router's own tables: projects, items and their final labels. Nothing outside router reads them.
-- Ids are compared with the "C" collation so that paging by item id is a plain byte order that
-- matches the primary-key index on every database, whatever its default collation.

CREATE TABLE project (
    project_id               text COLLATE "C" PRIMARY KEY
                             CHECK (project_id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    name                     text             NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- Distributions and crowd/qc hand-offs use this order.
    labels                   text[]           NOT NULL CHECK (cardinality(labels) >= 2),
    instructions             text             NOT NULL,
    threshold                double precision NOT NULL CHECK (threshold BETWEEN 0 AND 1),
    overlap                  integer          NOT NULL CHECK (overlap BETWEEN 1 AND 20),
    qc_rate                  double precision NOT NULL CHECK (qc_rate BETWEEN 0 AND 1),
    price_per_crowd_answer   double precision NOT NULL CHECK (price_per_crowd_answer >= 0),
    price_per_expert_review  double precision NOT NULL CHECK (price_per_expert_review >= 0),
    price_per_1k_predictions double precision NOT NULL CHECK (price_per_1k_predictions >= 0),
    model_name               text             NOT NULL,
    created_at               timestamptz      NOT NULL,
    -- Outbox flag: the crowd settings still have to be pushed to crowd-service (UpsertProject).
    crowd_synced             boolean          NOT NULL DEFAULT false,
    crowd_next_attempt_at    timestamptz      NOT NULL
);

CREATE INDEX project_awaiting_crowd_sync ON project (crowd_next_attempt_at) WHERE NOT crowd_synced;

CREATE TABLE item (
    project_id          text COLLATE "C" NOT NULL REFERENCES project (project_id),
    item_id             text COLLATE "C" NOT NULL CHECK (length(item_id) BETWEEN 1 AND 128),
    -- Exactly one form of content: a single text, or a pair.
    text                text,
    text_a              text,
    text_b              text,
    metadata            jsonb            NOT NULL DEFAULT '{}'::jsonb,
    -- NEW: awaiting the model; TO_CROWD: to be enqueued at crowd; WITH_CROWD: enqueued;
    -- LABELED: has its final label.
    status              text             NOT NULL
                        CHECK (status IN ('NEW', 'TO_CROWD', 'WITH_CROWD', 'LABELED')),
    -- The model's distribution over the project's labels (in their order) and its version.
    model_version       text,
    model_probabilities double precision[],
    submitted_at        timestamptz      NOT NULL,
    routed_at           timestamptz,
    -- When a worker may next try this item's current step (routing or crowd hand-off); a failed
    -- attempt moves it forward so one failing batch never starves the others.
    next_attempt_at     timestamptz      NOT NULL,
    PRIMARY KEY (project_id, item_id),
    CHECK ((text IS NOT NULL AND text_a IS NULL AND text_b IS NULL)
        OR (text IS NULL AND text_a IS NOT NULL AND text_b IS NOT NULL)),
    CHECK ((model_version IS NULL) = (model_probabilities IS NULL))
);

-- The workers' queues: only items with pending work are indexed.
CREATE INDEX item_pending_work ON item (status, next_attempt_at) WHERE status IN ('NEW', 'TO_CROWD');

-- Exactly one final label per item: the primary key is the item's key.
CREATE TABLE final_label (
    project_id          text COLLATE "C" NOT NULL,
    item_id             text COLLATE "C" NOT NULL,
    label               text             NOT NULL,
    source              text             NOT NULL CHECK (source IN ('MODEL', 'CROWD', 'HYBRID', 'EXPERT')),
    confidence          double precision NOT NULL CHECK (confidence > 0 AND confidence <= 1),
    -- The model version whose distribution routed the item; null when no model saw it.
    model_version       text,
    answers_used        integer          NOT NULL CHECK (answers_used >= 0),
    -- The crowd's aggregation method (MV, DS, ...); null for model labels.
    method              text,
    labeled_at          timestamptz      NOT NULL,
    -- Outbox flag: the label still has to be offered to qc-service.
    offered_to_qc       boolean          NOT NULL DEFAULT false,
    qc_next_attempt_at  timestamptz      NOT NULL,
    PRIMARY KEY (project_id, item_id),
    FOREIGN KEY (project_id, item_id) REFERENCES item (project_id, item_id)
);

CREATE INDEX final_label_awaiting_qc ON final_label (qc_next_attempt_at) WHERE NOT offered_to_qc;
