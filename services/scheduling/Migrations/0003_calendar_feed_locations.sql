-- A calendar feed shows the appointments at the locations its issuer works at, not the therapist's whole week.
ALTER TABLE therapists ADD COLUMN calendar_feed_location_ids uuid[] NOT NULL DEFAULT '{}';
