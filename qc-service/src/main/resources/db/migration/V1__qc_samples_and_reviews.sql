-- Projects as QC knows them: the label set arrives with every Offer and validates expert labels.
CREATE TABLE project (
    project_id  varchar(64) PRIMARY KEY,
    labels      text[]      NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- Every final label offered by the router, sampled or not: the strata sizes for estimates.
CREATE TABLE offered_label (
    id             bigserial        PRIMARY KEY,
    project_id     varchar(64)      NOT NULL REFERENCES project (project_id),
    item_id        varchar(128)     NOT NULL,
    -- A single text, or a pair (text_a, text_b); the unused form is ''.
    text           text             NOT NULL,
    text_a         text             NOT NULL,
    text_b         text             NOT NULL,
    final_label    text             NOT NULL,
    source         varchar(16)      NOT NULL,
    confidence     double precision NOT NULL,
    model_version  text             NOT NULL,
    sampled        boolean          NOT NULL,
    offered_at     timestamptz      NOT NULL,
    CONSTRAINT offered_label_once_per_item UNIQUE (project_id, item_id),
    CONSTRAINT offered_label_one_content_form
        CHECK ((text <> '') <> (text_a <> '' AND text_b <> ''))
);

-- One review per sampled label: pending, leased to an expert until lease_expires_at, or answered.
CREATE TABLE review (
    review_id            uuid         PRIMARY KEY,
    offered_label_id     bigint       NOT NULL UNIQUE REFERENCES offered_label (id),
    project_id           varchar(64)  NOT NULL REFERENCES project (project_id),
    created_at           timestamptz  NOT NULL,
    expert_id            varchar(128),
    lease_expires_at     timestamptz,
    expert_label         text,
    final_label_correct  boolean,
    answered_at          timestamptz,
    CONSTRAINT review_answer_complete
        CHECK ((answered_at IS NULL) = (expert_label IS NULL)
           AND (answered_at IS NULL) = (final_label_correct IS NULL))
);

-- The queue: oldest open review first, overall or within a project.
CREATE INDEX review_open_queue ON review (created_at, offered_label_id) WHERE answered_at IS NULL;
CREATE INDEX review_open_queue_by_project ON review (project_id, created_at, offered_label_id)
    WHERE answered_at IS NULL;
-- The review an expert currently holds.
CREATE INDEX review_open_by_expert ON review (expert_id) WHERE answered_at IS NULL;
-- Accuracy per project and source.
CREATE INDEX review_answered_by_project ON review (project_id) WHERE answered_at IS NOT NULL;
