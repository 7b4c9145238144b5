-- When staff were told a note is still unsigned, so each overdue note is flagged once.
ALTER TABLE visit_notes ADD COLUMN flagged_unsigned_at timestamptz NULL;
