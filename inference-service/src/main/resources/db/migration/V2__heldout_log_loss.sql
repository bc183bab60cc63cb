-- Held-out log loss before and after temperature scaling, beside accuracy and ECE (NULL when
-- nothing was held out, and for versions trained before this column existed).
ALTER TABLE inference.model_version ADD COLUMN IF NOT EXISTS heldout_log_loss_uncalibrated double precision;
ALTER TABLE inference.model_version ADD COLUMN IF NOT EXISTS heldout_log_loss double precision;
