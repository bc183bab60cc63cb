-- The W3C traceparent of the SubmitItems call that stored the item (null when tracing is off), so
-- the workers that route it, hand it to crowd and record its final label continue that trace.
-- The item row is also router's crowd outbox row (status TO_CROWD), so one column serves both.
ALTER TABLE item ADD COLUMN trace_parent text;
