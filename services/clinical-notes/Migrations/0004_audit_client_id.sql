-- The OAuth client a token was issued to (staff web app, hospital system), so every audited access names it.
ALTER TABLE audit_entries ADD COLUMN client_id text NULL;
