-- RevokeAnnotator (issue 9): a revoked annotator's token stops working at once; the row stays, so
-- their answers keep their author and a repeat of the revocation changes nothing.
ALTER TABLE annotator ADD COLUMN revoked_at TIMESTAMPTZ;
