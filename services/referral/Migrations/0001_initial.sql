-- Referral.Api schema; later changes go in new, higher-numbered scripts (applied scripts are never edited).

-- Value objects (patient, physician, insurance, precautions, clearances, visit records) are jsonb, read and
-- written whole; what the inbox filters and the duplicate check search on has its own column.
CREATE TABLE referrals (
    id                        uuid        PRIMARY KEY,
    status                    text        NOT NULL,
    status_reason             text        NULL,
    held_from                 text        NULL,
    received_at               timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL,
    possible_duplicate_of     uuid        NULL,
    patient                   jsonb       NOT NULL,
    patient_key               text        NOT NULL,
    physician                 jsonb       NOT NULL,
    physician_npi             text        NOT NULL,
    diagnosis_codes           text[]      NOT NULL,
    techniques                text[]      NOT NULL,
    body_regions              text[]      NOT NULL,
    sessions_per_week         integer     NOT NULL CHECK (sessions_per_week BETWEEN 1 AND 7),
    weeks                     integer     NOT NULL CHECK (weeks > 0),
    valid_from                date        NOT NULL,
    valid_until               date        NOT NULL,
    precautions               jsonb       NOT NULL,
    clearances                jsonb       NOT NULL,
    insurance                 jsonb       NULL,
    location_id               uuid        NULL,
    priority                  text        NOT NULL,
    notes                     text        NULL,
    authorized_visits         integer     NOT NULL CHECK (authorized_visits > 0),
    visits_used               integer     NOT NULL CHECK (visits_used >= 0),
    visit_records             jsonb       NOT NULL,
    evaluation_id             uuid        NULL,
    evaluated_at              timestamptz NULL,
    plan_id                   uuid        NULL,
    plan_version              integer     NULL,
    plan_status               text        NULL,
    plan_certification_due_by date        NULL,
    CHECK (valid_until > valid_from)
);

-- The inbox: per location, newest first.
CREATE INDEX referrals_inbox ON referrals (location_id, received_at DESC);
CREATE INDEX referrals_status ON referrals (status, received_at DESC);
CREATE INDEX referrals_diagnoses ON referrals USING gin (diagnosis_codes);
-- Duplicate check: same patient and physician.
CREATE INDEX referrals_duplicates ON referrals (patient_key, physician_npi, received_at);
-- Expiry check: open referrals by end of validity.
CREATE INDEX referrals_expiry ON referrals (valid_until) WHERE status IN ('Received', 'Accepted', 'OnHold', 'InTreatment');

CREATE TABLE referral_history (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id uuid        NOT NULL REFERENCES referrals (id),
    at          timestamptz NOT NULL,
    actor_id    text        NOT NULL,
    actor_name  text        NOT NULL,
    action      text        NOT NULL,
    detail      text        NOT NULL
);
CREATE INDEX referral_history_referral ON referral_history (referral_id, id);

CREATE TABLE idempotency_keys (
    key         text        PRIMARY KEY,
    fingerprint text        NOT NULL,
    referral_id uuid        NOT NULL REFERENCES referrals (id),
    response    jsonb       NOT NULL,
    created_at  timestamptz NOT NULL
);
