-- Crowd settings a project's policy carries to crowd-service (CrowdProject): the aggregation method
-- (empty = crowd's default, DS), dynamic overlap (max_overlap 0 = fixed), the confidence at which an
-- item stops getting answers (0 = none), the control-task share and the skill floor (0 = never suspend).
-- Existing projects keep crowd's defaults, which are what crowd used for them until now.
ALTER TABLE project
    ADD COLUMN aggregation_method text             NOT NULL DEFAULT '',
    ADD COLUMN max_overlap        integer          NOT NULL DEFAULT 0,
    ADD COLUMN confidence_target  double precision NOT NULL DEFAULT 0 CHECK (confidence_target BETWEEN 0 AND 1),
    ADD COLUMN control_rate       double precision NOT NULL DEFAULT 0 CHECK (control_rate >= 0 AND control_rate < 1),
    ADD COLUMN min_skill          double precision NOT NULL DEFAULT 0 CHECK (min_skill BETWEEN 0 AND 1),
    ADD CONSTRAINT project_max_overlap_check CHECK (max_overlap = 0 OR max_overlap BETWEEN overlap AND 20);
