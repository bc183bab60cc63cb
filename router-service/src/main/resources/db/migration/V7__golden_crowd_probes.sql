-- Issue 5: a share of the held-out golden items goes to the crowd like an ordinary item (a probe),
-- so the crowd's accuracy is measured against gold instead of assumed. A probe's crowd label is
-- kept here only: it never becomes a final label and never counts in progress.

-- Policy: the share of held-out golden items probed ([0, 1]; the contract's default is 0.1).
ALTER TABLE project ADD COLUMN golden_crowd_share double precision NOT NULL DEFAULT 0.1
    CHECK (golden_crowd_share BETWEEN 0 AND 1);

-- Which golden items are probed: a bucket in [0, 10000) from the id's MD5, independent of the
-- hold-out split (Java's String.hashCode); the items with bucket < share x 10000 are probes, so
-- raising the share adds probes and keeps the earlier ones.
ALTER TABLE golden_item ADD COLUMN crowd_bucket integer GENERATED ALWAYS AS
    ((('x' || substr(md5(item_id), 1, 8))::bit(32)::bigint) % 10000) STORED;

CREATE TABLE golden_crowd_probe (
    project_id       text COLLATE "C" NOT NULL,
    item_id          text COLLATE "C" NOT NULL,
    -- The id crowd knows the probe by: the reserved prefix and the golden id (or its MD5 when long),
    -- never a project item's id (SubmitItems refuses the prefix).
    crowd_item_id    text COLLATE "C" NOT NULL CHECK (crowd_item_id LIKE 'golden-probe:%'),
    -- TO_CROWD: to be enqueued; WITH_CROWD: enqueued; LABELED: the crowd's label is in.
    status           text             NOT NULL CHECK (status IN ('TO_CROWD', 'WITH_CROWD', 'LABELED')),
    next_attempt_at  timestamptz      NOT NULL,
    label            text,
    confidence       double precision,
    answers_used     integer          CHECK (answers_used >= 0),
    method           text,
    source           text             CHECK (source IN ('CROWD', 'HYBRID')),
    labeled_at       timestamptz,
    PRIMARY KEY (project_id, item_id),
    UNIQUE (project_id, crowd_item_id),
    FOREIGN KEY (project_id, item_id) REFERENCES golden_item (project_id, item_id),
    CHECK ((status = 'LABELED') = (label IS NOT NULL))
);

CREATE INDEX golden_crowd_probe_due ON golden_crowd_probe (next_attempt_at) WHERE status = 'TO_CROWD';
