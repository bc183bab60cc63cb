-- Issue 5: every decided qc verdict (QcService.ListVerdicts), confirmed or corrected, pulled per
-- project from a cursor like the corrections: the reviews actually done (expert spend) and the
-- labeled evidence of the curve. A final label now shows CONFIRMED as well as CORRECTED.

ALTER TABLE final_label DROP CONSTRAINT IF EXISTS final_label_qc_verdict_check;
ALTER TABLE final_label ADD CONSTRAINT final_label_qc_verdict_check
    CHECK (qc_verdict IN ('CONFIRMED', 'CORRECTED'));

-- One row per verdict, numbered by qc's sequence; the label reviewed and its source as offered.
CREATE TABLE qc_verdict (
    project_id      text COLLATE "C" NOT NULL REFERENCES project (project_id),
    sequence        bigint           NOT NULL CHECK (sequence > 0),
    item_id         text COLLATE "C" NOT NULL,
    reviewed_label  text             NOT NULL,
    reviewed_source text             NOT NULL CHECK (reviewed_source IN ('MODEL', 'CROWD', 'HYBRID', 'EXPERT')),
    expert_label    text             NOT NULL,
    result          text             NOT NULL CHECK (result IN ('CONFIRMED', 'CORRECTED')),
    -- Expert answers behind the verdict: the reviews paid for.
    reviews         integer          NOT NULL CHECK (reviews > 0),
    decided_at      timestamptz      NOT NULL,
    pulled_at       timestamptz      NOT NULL,
    PRIMARY KEY (project_id, sequence),
    FOREIGN KEY (project_id, item_id) REFERENCES final_label (project_id, item_id)
);

CREATE INDEX qc_verdict_by_item ON qc_verdict (project_id, item_id);

-- Per project: the last verdict sequence stored (moved in the same transaction) and the next poll.
CREATE TABLE qc_verdict_cursor (
    project_id     text COLLATE "C" PRIMARY KEY REFERENCES project (project_id),
    last_sequence  bigint           NOT NULL DEFAULT 0 CHECK (last_sequence >= 0),
    next_poll_at   timestamptz      NOT NULL
);
