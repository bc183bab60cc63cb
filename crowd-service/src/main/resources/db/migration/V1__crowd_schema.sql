-- Crowd service schema: projects, the item pool, annotators, assignments, answers and the outbox
-- of results to report to router. Owned by crowd-service alone.

CREATE TABLE project (
    project_id   VARCHAR(64) PRIMARY KEY,
    labels       TEXT[] NOT NULL,
    instructions TEXT NOT NULL,
    overlap      INTEGER NOT NULL CHECK (overlap BETWEEN 1 AND 20),
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- id orders the pool: tasks are offered oldest enqueued first.
CREATE TABLE item (
    id                  BIGSERIAL PRIMARY KEY,
    project_id          VARCHAR(64) NOT NULL REFERENCES project (project_id),
    item_id             VARCHAR(128) NOT NULL,
    text                TEXT,
    text_a              TEXT,
    text_b              TEXT,
    -- The model's distribution in the project's label order; NULL when the router sent none.
    model_probabilities DOUBLE PRECISION[],
    enqueued_at         TIMESTAMPTZ NOT NULL,
    -- The aggregate, set once when the item reaches the project's overlap.
    result_label        TEXT,
    result_confidence   DOUBLE PRECISION,
    result_method       VARCHAR(32),
    result_answers      INTEGER,
    completed_at        TIMESTAMPTZ,
    CONSTRAINT item_unique_per_project UNIQUE (project_id, item_id)
);
CREATE INDEX item_open_by_age ON item (project_id, id) WHERE completed_at IS NULL;

CREATE TABLE annotator (
    annotator_id VARCHAR(36) PRIMARY KEY,
    name         VARCHAR(128) NOT NULL,
    -- Hex SHA-256 of the bearer token; the token itself is never stored.
    token_sha256 CHAR(64) NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE assignment (
    assignment_id    VARCHAR(36) PRIMARY KEY,
    item_pk          BIGINT NOT NULL REFERENCES item (id),
    project_id       VARCHAR(64) NOT NULL,
    annotator_id     VARCHAR(36) NOT NULL REFERENCES annotator (annotator_id),
    assigned_at      TIMESTAMPTZ NOT NULL,
    lease_expires_at TIMESTAMPTZ NOT NULL,
    -- Never the same annotator twice on one item, even after a lease expired.
    CONSTRAINT assignment_once_per_annotator UNIQUE (item_pk, annotator_id)
);
CREATE INDEX assignment_by_annotator ON assignment (annotator_id, project_id);

-- One answer per assignment (the primary key), hence per (item, annotator).
CREATE TABLE answer (
    assignment_id VARCHAR(36) PRIMARY KEY REFERENCES assignment (assignment_id),
    item_pk       BIGINT NOT NULL REFERENCES item (id),
    annotator_id  VARCHAR(36) NOT NULL REFERENCES annotator (annotator_id),
    label         TEXT NOT NULL,
    answered_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT answer_once_per_annotator UNIQUE (item_pk, annotator_id)
);
CREATE INDEX answer_by_annotator ON answer (annotator_id);

-- Results waiting to be reported to router; written in the transaction that completes the item.
CREATE TABLE result_outbox (
    id           BIGSERIAL PRIMARY KEY,
    project_id   VARCHAR(64) NOT NULL,
    item_id      VARCHAR(128) NOT NULL,
    label        TEXT NOT NULL,
    confidence   DOUBLE PRECISION NOT NULL,
    answers_used INTEGER NOT NULL,
    method       VARCHAR(32) NOT NULL,
    source       VARCHAR(16) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    reported_at  TIMESTAMPTZ
);
CREATE INDEX result_outbox_pending ON result_outbox (id) WHERE reported_at IS NULL;
