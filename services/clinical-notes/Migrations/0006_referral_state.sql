-- The local copy of a referral now follows the referral service's state: its revision (only newer ones apply), its
-- reference and submitting client, the status by the owner's names, and what the physician has cleared (the referral
-- service owns clearances; findings this service asked clearance for stay here).
ALTER TABLE care_referrals
    ADD COLUMN version             bigint NOT NULL DEFAULT 0,
    ADD COLUMN reference           text   NOT NULL DEFAULT '',
    ADD COLUMN submitter_client_id text   NULL,
    ADD COLUMN cleared             text[] NOT NULL DEFAULT '{}';
ALTER TABLE care_referrals RENAME COLUMN pending_clearances TO clearances_requested;

UPDATE care_referrals SET status = CASE status
    WHEN 'Accepted' THEN CASE WHEN latest_evaluation_id IS NULL THEN 'accepted' ELSE 'in-treatment' END
    WHEN 'OnHold' THEN 'on-hold'
    ELSE lower(status) END;
