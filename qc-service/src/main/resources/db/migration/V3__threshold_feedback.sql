-- The feedback loop: router sends the project's target accuracy and current model threshold with
-- every Offer; when the MODEL labels' accuracy upper bound falls under the target, qc asks router to
-- raise the threshold, through an outbox.
ALTER TABLE project ADD COLUMN target_accuracy double precision NOT NULL DEFAULT 0
    CHECK (target_accuracy BETWEEN 0 AND 1);
ALTER TABLE project ADD COLUMN model_threshold double precision NOT NULL DEFAULT 0
    CHECK (model_threshold BETWEEN 0 AND 1);
-- Decided MODEL reviews when qc last asked for a raise (0: never): the next request needs more evidence.
ALTER TABLE project ADD COLUMN raised_at_model_reviews bigint NOT NULL DEFAULT 0;

-- Requests to router's RaiseThreshold, written in the transaction of the verdict that triggered
-- them and sent by a worker; sent_at is set once router acknowledged.
CREATE TABLE threshold_raise (
    id               bigserial        PRIMARY KEY,
    project_id       varchar(64)      NOT NULL REFERENCES project (project_id),
    min_threshold    double precision NOT NULL CHECK (min_threshold BETWEEN 0 AND 1),
    evidence         text             NOT NULL,
    model_reviews    bigint           NOT NULL,
    created_at       timestamptz      NOT NULL,
    next_attempt_at  timestamptz      NOT NULL,
    attempts         integer          NOT NULL DEFAULT 0,
    last_error       text,
    sent_at          timestamptz,
    raised           boolean
);

CREATE INDEX threshold_raise_unsent ON threshold_raise (next_attempt_at) WHERE sent_at IS NULL;
