-- Issue 4: the project's aggregation method, dynamic overlap, control (golden) items and
-- annotators' skills on them.

ALTER TABLE project
    ADD COLUMN aggregation_method VARCHAR(32) NOT NULL DEFAULT 'DS',
    -- Answers an item may get at most; equal to overlap for a fixed overlap.
    ADD COLUMN max_overlap        INTEGER NOT NULL DEFAULT 0,
    -- Confidence at which an item stops getting answers; 0: none (complete at overlap).
    ADD COLUMN confidence_target  DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN control_rate       DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN min_skill          DOUBLE PRECISION NOT NULL DEFAULT 0;
UPDATE project SET max_overlap = overlap WHERE max_overlap < overlap;

ALTER TABLE item
    -- Answers wanted beyond the project's overlap, raised one at a time while the aggregate is unsure.
    ADD COLUMN extra_answers INTEGER NOT NULL DEFAULT 0,
    -- Set for control items: the known label. Control items never complete and are never reported.
    ADD COLUMN control_label TEXT;
DROP INDEX item_open_by_age;
CREATE INDEX item_open_by_age ON item (project_id, id) WHERE completed_at IS NULL AND control_label IS NULL;
CREATE INDEX item_control ON item (project_id, id) WHERE control_label IS NOT NULL;
CREATE INDEX answer_by_item ON answer (item_pk);

-- An annotator's record on a project's control items, and their suspension from the project.
CREATE TABLE annotator_skill (
    annotator_id    VARCHAR(36) NOT NULL REFERENCES annotator (annotator_id),
    project_id      VARCHAR(64) NOT NULL REFERENCES project (project_id),
    control_answers INTEGER NOT NULL,
    control_correct INTEGER NOT NULL,
    suspended_at    TIMESTAMPTZ,
    PRIMARY KEY (annotator_id, project_id)
);
