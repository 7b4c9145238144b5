-- Why a clinic admin documented a visit for its treating therapist, so the access audit shows it next to the write.
ALTER TABLE audit_entries ADD COLUMN reason text NULL;
