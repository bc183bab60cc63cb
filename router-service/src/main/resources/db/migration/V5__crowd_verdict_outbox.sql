-- Issue 6: an expert correction of a CROWD or HYBRID label is sent to crowd (RecordExpertVerdict)
-- so the annotators' skills learn from it. Written in the transaction that applies the correction;
-- a worker sends it and marks it sent (or refused, when crowd will never take it).
CREATE TABLE crowd_verdict_outbox (
    project_id       text COLLATE "C" NOT NULL,
    sequence         bigint           NOT NULL,
    item_id          text COLLATE "C" NOT NULL,
    expert_label     text             NOT NULL,
    next_attempt_at  timestamptz      NOT NULL,
    -- SENT or REFUSED once handled; null while due.
    outcome          text             CHECK (outcome IN ('SENT', 'REFUSED')),
    handled_at       timestamptz,
    PRIMARY KEY (project_id, sequence),
    FOREIGN KEY (project_id, sequence) REFERENCES label_correction (project_id, sequence)
);
CREATE INDEX crowd_verdict_outbox_due ON crowd_verdict_outbox (next_attempt_at) WHERE outcome IS NULL;
