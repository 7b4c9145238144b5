-- Every time the API shows a patient's email address or phone number: who (user, role, client application and
-- address), when, which record, and for which patient. Rows are only ever added.
CREATE TABLE contact_audit (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    user_id        text        NOT NULL,
    user_name      text        NOT NULL,
    role           text        NULL,
    client_id      text        NULL,
    client_address text        NULL,
    record_type    text        NOT NULL,
    record_id      uuid        NOT NULL,
    patient_id     uuid        NOT NULL,
    action         text        NOT NULL
);
CREATE INDEX contact_audit_patient ON contact_audit (patient_id, at);
CREATE INDEX contact_audit_user ON contact_audit (user_id, at);

-- Append-only whoever writes to the database: the application, a script or an administrator.
SELECT make_append_only('contact_audit');

-- A patient's preferences are visible at the locations the patient is known at (their messages and referrals).
CREATE INDEX messages_patient ON messages (patient_id) WHERE patient_id IS NOT NULL;
CREATE INDEX referral_contacts_patient ON referral_contacts (patient_id);
