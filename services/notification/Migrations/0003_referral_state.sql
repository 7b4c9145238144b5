-- Referral contacts follow the referral service's state: its revision (only newer ones apply) and its reference,
-- which messages name the referral by.
ALTER TABLE referral_contacts
    ADD COLUMN version   bigint NOT NULL DEFAULT 0,
    ADD COLUMN reference text   NOT NULL DEFAULT '';
