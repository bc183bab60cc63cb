-- Items are no longer aggregated inside SubmitAnswer: the answer that gives an item the answers it
-- wants marks it due, and the evaluation worker fits the project's method once for a batch of the
-- project's due items. A crash between the answer and the evaluation leaves the item due.
ALTER TABLE item ADD COLUMN evaluation_due_at TIMESTAMPTZ;
CREATE INDEX item_evaluation_due ON item (project_id, evaluation_due_at, id) WHERE evaluation_due_at IS NOT NULL;

-- Open items that already have their wanted answers (none, unless an evaluation was lost) are due.
UPDATE item i SET evaluation_due_at = now()
  FROM project p
 WHERE p.project_id = i.project_id AND i.completed_at IS NULL AND i.control_label IS NULL
   AND (SELECT count(*) FROM answer an WHERE an.item_pk = i.id) >= p.overlap + i.extra_answers;

-- The aggregation window (a project's most recent answers) is read from answer alone, in index
-- order, instead of joining every item of every project's answers and sorting them.
ALTER TABLE answer ADD COLUMN project_id VARCHAR(64);
UPDATE answer an SET project_id = i.project_id FROM item i WHERE i.id = an.item_pk;
ALTER TABLE answer ALTER COLUMN project_id SET NOT NULL;
CREATE INDEX answer_recent_by_project ON answer (project_id, answered_at DESC, assignment_id);
