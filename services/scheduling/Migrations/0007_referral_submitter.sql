-- The system that submitted the referral (ReferralState.SubmitterClientId): over FHIR it books and reads that
-- referral's visits, and no other. Filled by each referral's next state.
ALTER TABLE referrals ADD COLUMN submitter_client_id text;
CREATE INDEX referrals_submitter_client_id ON referrals (submitter_client_id) WHERE submitter_client_id IS NOT NULL;
