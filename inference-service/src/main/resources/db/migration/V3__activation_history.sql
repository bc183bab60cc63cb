-- Which versions were made active, in order, so Rollback can return to the previous one. The
-- rows not rolled back form a stack whose top is the active version: Train (when it activates)
-- and Activate push, Rollback marks the top rolled back and activates the new top.
CREATE TABLE IF NOT EXISTS inference.activation (
    id           bigserial PRIMARY KEY,
    model_name   text NOT NULL,
    version_id   uuid NOT NULL REFERENCES inference.model_version (id) ON DELETE CASCADE,
    rolled_back  boolean NOT NULL DEFAULT false,
    activated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS activation_by_name ON inference.activation (model_name, id DESC);
