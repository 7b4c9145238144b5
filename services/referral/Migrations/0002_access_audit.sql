-- Who submitted a referral (token subject, role, client application): decides whose it is. Null for referrals
-- received before submitters were recorded.
ALTER TABLE referrals
    ADD COLUMN submitter_id        text NULL,
    ADD COLUMN submitter_role      text NULL,
    ADD COLUMN submitter_client_id text NULL;
-- An integrated system lists the referrals it submitted; a physician the ones carrying their NPI.
CREATE INDEX referrals_submitter_client ON referrals (submitter_client_id, received_at DESC) WHERE submitter_client_id IS NOT NULL;
CREATE INDEX referrals_physician ON referrals (physician_npi, received_at DESC);

-- Idempotency keys belong to the caller who sent them; keys stored before had no owner.
ALTER TABLE idempotency_keys ADD COLUMN owner text NOT NULL DEFAULT '';
ALTER TABLE idempotency_keys ALTER COLUMN owner DROP DEFAULT;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (owner, key);

-- Every read and change of a referral through the API: who (user, role, client application and address), when,
-- which referral (and its location, for clinic admins reviewing theirs), and what. Rows are only ever added.
CREATE TABLE referral_audit (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    user_id        text        NOT NULL,
    user_name      text        NOT NULL,
    role           text        NULL,
    client_id      text        NULL,
    client_address text        NULL,
    referral_id    uuid        NOT NULL,
    location_id    uuid        NULL,
    action         text        NOT NULL
);
CREATE INDEX referral_audit_referral ON referral_audit (referral_id, id);
CREATE INDEX referral_audit_location ON referral_audit (location_id, id);
CREATE INDEX referral_audit_user ON referral_audit (user_id, id);

-- Append-only whoever writes to the database: the application, a script or an administrator.
SELECT make_append_only('referral_audit');

-- A referral's history is only ever appended to, as well.
SELECT make_append_only('referral_history');
