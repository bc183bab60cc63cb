-- FineTune jobs: one row per client request_id (a retry finds it), updated as the job runs.
CREATE TABLE IF NOT EXISTS inference.fine_tune_job (
    id                        uuid PRIMARY KEY,
    request_id                text NOT NULL UNIQUE,
    -- SHA-256 of the request, so a reused request_id with other content is refused.
    request_hash              text NOT NULL,
    model_name                text NOT NULL,
    state                     text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    progress                  double precision NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
    message                   text NOT NULL DEFAULT '',
    force                     boolean NOT NULL,
    golden_examples           integer NOT NULL,
    expert_examples           integer NOT NULL,
    crowd_examples            integer NOT NULL,
    version_id                uuid REFERENCES inference.model_version (id) ON DELETE SET NULL,
    activated                 boolean NOT NULL DEFAULT false,
    activation_reason         text NOT NULL DEFAULT '',
    heldout_accuracy          double precision,
    heldout_examples          integer NOT NULL DEFAULT 0,
    -- The version active at the comparison and its accuracy on the same held-out items.
    compared_version_id       uuid,
    compared_heldout_accuracy double precision,
    -- The process that runs the job and when it last said it was alive: a job whose process died
    -- stops being refreshed and is marked FAILED by the next process that starts or sweeps.
    owner                     text NOT NULL,
    heartbeat_at              timestamptz NOT NULL DEFAULT now(),
    created_at                timestamptz NOT NULL DEFAULT now(),
    started_at                timestamptz,
    finished_at               timestamptz
);

CREATE INDEX IF NOT EXISTS fine_tune_job_unfinished ON inference.fine_tune_job (heartbeat_at)
    WHERE state IN ('QUEUED', 'RUNNING');
