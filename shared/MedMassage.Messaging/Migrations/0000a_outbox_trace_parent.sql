-- The W3C traceparent of the request that recorded the event, so the publish (and every consumer) continues its trace.
ALTER TABLE outbox_messages ADD COLUMN trace_parent text NULL;
