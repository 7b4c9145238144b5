-- The system that submitted the referral (ReferralState.SubmitterClientId): over FHIR it reads the messages sent
-- about that referral's patient. Filled by each referral's next state.
ALTER TABLE referral_contacts ADD COLUMN submitter_client_id text;
CREATE INDEX referral_contacts_submitter_client_id ON referral_contacts (submitter_client_id) WHERE submitter_client_id IS NOT NULL;
