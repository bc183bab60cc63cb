-- The W3C traceparent of the Enqueue call that brought the item (router's hand-off, itself in the
-- trace of the item's SubmitItems call), copied to the item's result; null when tracing is off.
-- The outbox worker reports the result in that trace, so the final label joins it.
ALTER TABLE item ADD COLUMN trace_parent text;
ALTER TABLE result_outbox ADD COLUMN trace_parent text;
