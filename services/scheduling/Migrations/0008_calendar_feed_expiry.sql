-- A calendar feed's address stops working at its expiry; addresses issued before expiries existed get the default lifetime.
ALTER TABLE therapists ADD COLUMN calendar_feed_expires_at timestamptz;
UPDATE therapists SET calendar_feed_expires_at = now() + interval '180 days' WHERE calendar_feed_key_hash IS NOT NULL;
