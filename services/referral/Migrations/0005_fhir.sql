-- The submitting system's own identifier of a referral ("system|value"): FHIR searches and conditional creates by it.
ALTER TABLE referrals ADD COLUMN submitter_identifier text;
CREATE INDEX referrals_submitter_identifier ON referrals (submitter_client_id, submitter_identifier) WHERE submitter_identifier IS NOT NULL;
-- FHIR reads a Patient by the id it has on its referrals.
CREATE INDEX referrals_patient_id ON referrals ((patient->>'id'));

-- Patients a hospital system registered before referring them (FHIR Patient create), one per system and identifier.
CREATE TABLE registered_patients (
    id            uuid        PRIMARY KEY,
    client_id     text        NOT NULL,
    identifier    text        NOT NULL,
    patient       jsonb       NOT NULL,
    registered_at timestamptz NOT NULL,
    UNIQUE (client_id, identifier)
);
