-- Every decided verdict (confirmed or corrected), numbered per project in commit order like the
-- corrections, so router can page through the reviews actually done (ListVerdicts) and use them
-- as labeled evidence.
CREATE TABLE verdict (
    id                   bigserial        PRIMARY KEY,
    project_id           varchar(64)      NOT NULL REFERENCES project (project_id),
    sequence             bigint           NOT NULL,
    offered_label_id     bigint           NOT NULL UNIQUE REFERENCES offered_label (id),
    item_id              varchar(128)     NOT NULL,
    final_label          text             NOT NULL,
    source               varchar(16)      NOT NULL,
    model_version        text             NOT NULL,
    expert_label         text             NOT NULL,
    correct              boolean          NOT NULL,
    -- Expert answers behind the verdict (1, 2 or 3).
    reviews              smallint         NOT NULL,
    -- The rate the label was sampled at; null for labels offered before rates were recorded.
    sample_rate          double precision,
    -- The correction recorded with a wrong verdict; null for a confirmed label.
    correction_sequence  bigint,
    decided_at           timestamptz      NOT NULL,
    CONSTRAINT verdict_sequence_per_project UNIQUE (project_id, sequence),
    CONSTRAINT verdict_correction_iff_wrong CHECK ((correction_sequence IS NULL) = correct)
);

-- Verdicts decided before this migration, in the order decided; a wrong one names its correction.
INSERT INTO verdict (project_id, sequence, offered_label_id, item_id, final_label, source, model_version,
                     expert_label, correct, reviews, sample_rate, correction_sequence, decided_at)
SELECT o.project_id, row_number() OVER (PARTITION BY o.project_id ORDER BY o.verdict_at, o.id), o.id, o.item_id,
       o.final_label, o.source, o.model_version, o.verdict_label, o.verdict_correct,
       GREATEST(1, (SELECT count(*) FROM review r WHERE r.offered_label_id = o.id AND r.answered_at IS NOT NULL)),
       o.sample_rate, c.sequence, o.verdict_at
FROM offered_label o LEFT JOIN correction c ON c.offered_label_id = o.id
WHERE o.verdict_at IS NOT NULL AND (c.sequence IS NULL) = o.verdict_correct;
