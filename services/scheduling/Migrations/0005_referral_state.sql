-- The local copy of a referral now follows the referral service's state: its revision (only newer ones apply), its
-- status by the owner's names, and everything awaiting clearance (techniques and evaluation findings).
ALTER TABLE referrals
    ADD COLUMN version            bigint NOT NULL DEFAULT 0,
    ADD COLUMN awaiting_clearance jsonb  NOT NULL DEFAULT '[]';

UPDATE referrals SET awaiting_clearance = (
    SELECT coalesce(jsonb_agg(jsonb_build_object('subject', t, 'kind', 'technique', 'bodyRegion', NULL)), '[]'::jsonb)
    FROM unnest(techniques_awaiting_clearance) AS t);
ALTER TABLE referrals DROP COLUMN techniques_awaiting_clearance;

UPDATE referrals SET status = CASE status
    WHEN 'Active' THEN CASE WHEN evaluation_completed THEN 'in-treatment' ELSE 'accepted' END
    WHEN 'OnHold' THEN 'on-hold'
    ELSE lower(status) END;
