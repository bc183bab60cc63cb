-- Versions of three kinds behind one interface: BUILTIN (weights and feature configuration stored
-- here), TORCHSCRIPT (a model directory in the model store) and REMOTE_LLM (an endpoint). The
-- last two keep their settings as JSON in kind_config; an API key is only ever named there.
ALTER TABLE inference.model_version DROP CONSTRAINT IF EXISTS model_version_kind_check;
ALTER TABLE inference.model_version ADD CONSTRAINT model_version_kind_check
    CHECK (kind IN ('BUILTIN', 'TORCHSCRIPT', 'REMOTE_LLM'));
ALTER TABLE inference.model_version ALTER COLUMN weights DROP NOT NULL;
ALTER TABLE inference.model_version ALTER COLUMN feature_config DROP NOT NULL;
ALTER TABLE inference.model_version ADD COLUMN IF NOT EXISTS kind_config text;
ALTER TABLE inference.model_version ADD CONSTRAINT model_version_kind_fields CHECK (
    (kind = 'BUILTIN' AND weights IS NOT NULL AND feature_config IS NOT NULL)
    OR (kind <> 'BUILTIN' AND kind_config IS NOT NULL));
