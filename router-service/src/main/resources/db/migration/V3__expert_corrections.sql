-- Expert corrections pulled from qc-service (QcService.ListCorrections): the final label becomes the
-- experts' label (source EXPERT); what it was before is kept in label_correction.

-- "CORRECTED" once qc's experts corrected the label; null otherwise (qc reports corrections only).
ALTER TABLE final_label ADD COLUMN qc_verdict text CHECK (qc_verdict IN ('CORRECTED'));

-- Every correction applied, with the label and source it replaced; qc's sequence numbers it.
CREATE TABLE label_correction (
    project_id       text COLLATE "C" NOT NULL REFERENCES project (project_id),
    sequence         bigint           NOT NULL CHECK (sequence > 0),
    item_id          text COLLATE "C" NOT NULL,
    previous_label   text             NOT NULL,
    previous_source  text             NOT NULL,
    corrected_label  text             NOT NULL,
    -- Expert answers behind the verdict, and when qc decided it.
    reviews          integer          NOT NULL,
    corrected_at     timestamptz      NOT NULL,
    applied_at       timestamptz      NOT NULL,
    PRIMARY KEY (project_id, sequence),
    FOREIGN KEY (project_id, item_id) REFERENCES final_label (project_id, item_id)
);

-- Per project: the last correction sequence applied (written in the same transaction as the
-- corrections), so none is applied twice or missed, and when qc is next asked.
CREATE TABLE qc_correction_cursor (
    project_id     text COLLATE "C" PRIMARY KEY REFERENCES project (project_id),
    last_sequence  bigint           NOT NULL DEFAULT 0 CHECK (last_sequence >= 0),
    next_poll_at   timestamptz      NOT NULL
);
