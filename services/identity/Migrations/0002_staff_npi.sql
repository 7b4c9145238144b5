-- Referring physicians see their own referrals, matched on their NPI.
ALTER TABLE staff_members ADD COLUMN npi character varying(10);
