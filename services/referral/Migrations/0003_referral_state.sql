-- References people read out on the phone: made from a sequence (see ReferralReference), so they never collide.
CREATE SEQUENCE referral_reference_seq START 1;

-- The revision grows with every change; other services keep a copy and apply only a newer revision.
-- Findings an evaluation asked the physician to clear are kept with the referral, which owns every clearance.
ALTER TABLE referrals
    ADD COLUMN reference            text        NULL,
    ADD COLUMN revision             bigint      NOT NULL DEFAULT 0,
    ADD COLUMN last_resumed_at      timestamptz NULL,
    ADD COLUMN requested_clearances jsonb       NOT NULL DEFAULT '[]';

-- Referrals received before references existed get one the same way, oldest first.
UPDATE referrals r
SET reference = 'R-' || substr(x.code, 1, 3) || '-' || substr(x.code, 4, 3)
FROM (
    SELECT s.id,
           (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ',
                                     (((s.n * 727688133) % 1073741824) >> (5 * (5 - i)) & 31)::int + 1, 1), '' ORDER BY i)
            FROM generate_series(0, 5) AS i) AS code
    FROM (SELECT id, nextval('referral_reference_seq') AS n FROM (SELECT id FROM referrals ORDER BY received_at) o) s
) x
WHERE r.id = x.id;

ALTER TABLE referrals ALTER COLUMN reference SET NOT NULL;
CREATE UNIQUE INDEX referrals_reference ON referrals (reference);
