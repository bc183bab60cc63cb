-- Control (golden) tasks are stored but never sampled and are not part of the labeled set.
ALTER TABLE offered_label ADD COLUMN control boolean NOT NULL DEFAULT false;
-- The rate the label was offered at (higher for a new model version's first labels): estimates
-- stratify by (source, sample_rate). NULL for labels offered before this column existed.
ALTER TABLE offered_label ADD COLUMN sample_rate double precision;
-- Expert reviews the label needs (1, or 2 with a third on disagreement), fixed when sampled.
ALTER TABLE offered_label ADD COLUMN reviews_required smallint NOT NULL DEFAULT 1
    CHECK (reviews_required IN (1, 2));
-- The experts' verdict once decided: what every accuracy figure counts.
ALTER TABLE offered_label ADD COLUMN verdict_label text;
ALTER TABLE offered_label ADD COLUMN verdict_correct boolean;
ALTER TABLE offered_label ADD COLUMN verdict_at timestamptz;
ALTER TABLE offered_label ADD CONSTRAINT offered_label_verdict_complete
    CHECK ((verdict_at IS NULL) = (verdict_label IS NULL) AND (verdict_at IS NULL) = (verdict_correct IS NULL));

-- Reviews answered before verdicts existed had one expert each: their answer is the verdict.
UPDATE offered_label o
SET verdict_label = r.expert_label, verdict_correct = r.final_label_correct, verdict_at = r.answered_at
FROM review r
WHERE r.offered_label_id = o.id AND r.answered_at IS NOT NULL;

-- A sampled label may now have up to three reviews, one per round, each by a different expert.
ALTER TABLE review ADD COLUMN round smallint NOT NULL DEFAULT 1 CHECK (round BETWEEN 1 AND 3);
ALTER TABLE review DROP CONSTRAINT review_offered_label_id_key;
ALTER TABLE review ADD CONSTRAINT review_one_per_round UNIQUE (offered_label_id, round);

-- Decided verdicts in time order, per project and source: the drift windows.
CREATE INDEX offered_label_verdicts ON offered_label (project_id, source, verdict_at, id)
    WHERE verdict_at IS NOT NULL;
-- Counting a model version's first labels for the new-model sampling rate.
CREATE INDEX offered_label_by_model_version ON offered_label (project_id, model_version)
    WHERE source = 'MODEL' AND NOT control;

-- Final labels the experts found wrong; sequence numbers them per project in commit order, so a
-- reader paging with "after the last sequence I saw" never misses one.
CREATE TABLE correction (
    id                bigserial    PRIMARY KEY,
    project_id        varchar(64)  NOT NULL REFERENCES project (project_id),
    sequence          bigint       NOT NULL,
    offered_label_id  bigint       NOT NULL UNIQUE REFERENCES offered_label (id),
    item_id           varchar(128) NOT NULL,
    final_label       text         NOT NULL,
    source            varchar(16)  NOT NULL,
    model_version     text         NOT NULL,
    corrected_label   text         NOT NULL,
    reviews           smallint     NOT NULL,
    corrected_at      timestamptz  NOT NULL,
    CONSTRAINT correction_sequence_per_project UNIQUE (project_id, sequence)
);

-- Wrong final labels found by reviews answered before this migration become the first corrections.
INSERT INTO correction (project_id, sequence, offered_label_id, item_id, final_label, source, model_version,
                        corrected_label, reviews, corrected_at)
SELECT project_id, row_number() OVER (PARTITION BY project_id ORDER BY verdict_at, id), id, item_id, final_label,
       source, model_version, verdict_label, 1, verdict_at
FROM offered_label
WHERE verdict_at IS NOT NULL AND NOT verdict_correct;
