-- Issue 6: experts' verdicts on completed items (sent by router when qc's experts correct a crowd
-- label). Each one scores the item's annotators once, in annotator_skill like a control answer;
-- a row here per verdict applied makes a repeat change nothing.
CREATE TABLE expert_verdict (
    project_id           VARCHAR(64)  NOT NULL REFERENCES project (project_id),
    item_id              VARCHAR(128) NOT NULL,
    correction_sequence  BIGINT       NOT NULL CHECK (correction_sequence > 0),
    expert_label         TEXT         NOT NULL,
    annotators_scored    INTEGER      NOT NULL,
    recorded_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (project_id, item_id, correction_sequence)
);
