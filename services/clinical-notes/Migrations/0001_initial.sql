-- ClinicalNotes.Api schema; later changes go in new, higher-numbered scripts (applied scripts are never edited).

-- Referrals and appointments as the referral and scheduling services announced them, plus the clinical state.
CREATE TABLE care_referrals (
    id                            uuid PRIMARY KEY,
    location_id                   uuid NULL,
    patient_id                    uuid NOT NULL,
    patient_name                  text NOT NULL,
    physician_name                text NOT NULL,
    physician_npi                 text NOT NULL,
    physician_email               text NULL,
    diagnosis_codes               text[] NOT NULL,
    techniques                    text[] NOT NULL,
    body_regions                  text[] NOT NULL,
    techniques_awaiting_clearance text[] NOT NULL,
    valid_until                   date NOT NULL,
    authorized_visits             integer NOT NULL,
    status                        text NOT NULL,
    status_reason                 text NULL,
    treatment_blocked_at          timestamptz NULL,
    pending_clearances            text[] NOT NULL,
    discharged_at                 timestamptz NULL,
    discharge_reason              text NULL,
    latest_evaluation_id          uuid NULL,
    latest_evaluation_at          timestamptz NULL,
    signed_visits                 integer NOT NULL DEFAULT 0,
    visits_since_evaluation       integer NOT NULL DEFAULT 0,
    re_evaluation_due_notified    boolean NOT NULL DEFAULT false
);
CREATE INDEX care_referrals_evaluation_due ON care_referrals (latest_evaluation_at)
    WHERE discharged_at IS NULL AND NOT re_evaluation_due_notified;

CREATE TABLE clinic_appointments (
    id             uuid PRIMARY KEY,
    referral_id    uuid NOT NULL,
    kind           text NOT NULL,
    therapist_id   uuid NOT NULL,
    therapist_name text NOT NULL,
    location_id    uuid NOT NULL,
    location_name  text NOT NULL,
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    status         text NOT NULL
);
CREATE INDEX clinic_appointments_referral ON clinic_appointments (referral_id);

CREATE TABLE evaluations (
    id             uuid PRIMARY KEY,
    referral_id    uuid NOT NULL REFERENCES care_referrals (id),
    appointment_id uuid NOT NULL UNIQUE REFERENCES clinic_appointments (id),
    patient_id     uuid NOT NULL,
    therapist_id   uuid NOT NULL,
    kind           text NOT NULL,
    content        jsonb NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text NOT NULL,
    signed_at      timestamptz NULL,
    signed_by      text NULL
);
CREATE INDEX evaluations_referral ON evaluations (referral_id);
-- At most one signed initial evaluation per referral.
CREATE UNIQUE INDEX evaluations_one_initial ON evaluations (referral_id) WHERE kind = 'Initial' AND signed_at IS NOT NULL;

CREATE TABLE treatment_plans (
    id                   uuid NOT NULL,
    version              integer NOT NULL,
    referral_id          uuid NOT NULL REFERENCES care_referrals (id),
    evaluation_id        uuid NOT NULL REFERENCES evaluations (id),
    terms                jsonb NOT NULL,
    status               text NOT NULL,
    created_at           timestamptz NOT NULL,
    created_by           text NOT NULL,
    activated_at         timestamptz NULL,
    certification_due_by date NULL,
    certifications       jsonb NOT NULL,
    revision_reason      text NULL,
    PRIMARY KEY (id, version)
);
CREATE INDEX treatment_plans_referral ON treatment_plans (referral_id);
CREATE UNIQUE INDEX treatment_plans_one_active ON treatment_plans (referral_id) WHERE status = 'Active';

CREATE TABLE visit_notes (
    id             uuid PRIMARY KEY,
    referral_id    uuid NOT NULL REFERENCES care_referrals (id),
    appointment_id uuid NOT NULL UNIQUE REFERENCES clinic_appointments (id),
    patient_id     uuid NOT NULL,
    therapist_id   uuid NOT NULL,
    location_id    uuid NOT NULL,
    plan_id        uuid NOT NULL,
    plan_version   integer NOT NULL,
    content        jsonb NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text NOT NULL,
    signed_at      timestamptz NULL,
    signed_by      text NULL,
    visit_number   integer NULL,
    units          jsonb NOT NULL,
    FOREIGN KEY (plan_id, plan_version) REFERENCES treatment_plans (id, version)
);
CREATE INDEX visit_notes_referral ON visit_notes (referral_id);
CREATE INDEX visit_notes_unsigned ON visit_notes (created_at) WHERE signed_at IS NULL;

CREATE TABLE addenda (
    id         uuid PRIMARY KEY,
    note_id    uuid NOT NULL REFERENCES visit_notes (id),
    author     text NOT NULL,
    written_at timestamptz NOT NULL,
    reason     text NOT NULL,
    text       text NOT NULL
);
CREATE INDEX addenda_note ON addenda (note_id);

CREATE TABLE clinical_documents (
    id          uuid PRIMARY KEY,
    referral_id uuid NOT NULL REFERENCES care_referrals (id),
    kind        text NOT NULL,
    title       text NOT NULL,
    html        text NOT NULL,
    issued_at   timestamptz NOT NULL,
    issued_by   text NOT NULL
);
CREATE INDEX clinical_documents_referral ON clinical_documents (referral_id);

CREATE TABLE audit_entries (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    user_id        text NOT NULL,
    user_name      text NOT NULL,
    role           text NULL,
    client_address text NULL,
    record_type    text NOT NULL,
    record_id      uuid NOT NULL,
    referral_id    uuid NULL,
    action         text NOT NULL
);
CREATE INDEX audit_entries_record ON audit_entries (record_id, at);
CREATE INDEX audit_entries_user ON audit_entries (user_id, at);
CREATE INDEX audit_entries_referral ON audit_entries (referral_id, at);

-- A signed record is final whoever writes to the database: the application, a script or an administrator.
CREATE FUNCTION reject_change_of_signed_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.signed_at IS NOT NULL THEN
        RAISE EXCEPTION 'signed record % in % cannot be changed or deleted; add an addendum', OLD.id, TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER visit_notes_signed_are_immutable BEFORE UPDATE OR DELETE ON visit_notes
    FOR EACH ROW EXECUTE FUNCTION reject_change_of_signed_record();
CREATE TRIGGER evaluations_signed_are_immutable BEFORE UPDATE OR DELETE ON evaluations
    FOR EACH ROW EXECUTE FUNCTION reject_change_of_signed_record();

-- Addenda, issued documents and the audit log are append-only.
SELECT make_append_only('addenda');
SELECT make_append_only('clinical_documents');
SELECT make_append_only('audit_entries');
CREATE TRIGGER visit_notes_no_truncate BEFORE TRUNCATE ON visit_notes
    FOR EACH STATEMENT EXECUTE FUNCTION reject_change_of_append_only();
CREATE TRIGGER evaluations_no_truncate BEFORE TRUNCATE ON evaluations
    FOR EACH STATEMENT EXECUTE FUNCTION reject_change_of_append_only();

-- A superseded plan version is history.
CREATE FUNCTION reject_change_of_superseded_plan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'Superseded' THEN
        RAISE EXCEPTION 'superseded plan % version % cannot be changed', OLD.id, OLD.version
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER treatment_plans_history_is_immutable BEFORE UPDATE OR DELETE ON treatment_plans
    FOR EACH ROW EXECUTE FUNCTION reject_change_of_superseded_plan();
