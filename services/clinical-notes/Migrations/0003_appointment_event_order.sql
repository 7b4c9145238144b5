-- When the appointment state was last announced, so an older, late-delivered event never overwrites a newer one.
ALTER TABLE clinic_appointments ADD COLUMN last_event_at timestamptz NOT NULL DEFAULT '-infinity';
