-- The hash of each therapist's calendar-feed secret (the secret itself is only ever in the feed's address).
ALTER TABLE therapists ADD COLUMN calendar_feed_key_hash bytea NULL;
