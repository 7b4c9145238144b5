-- Scheduling.Api schema; later changes go in new, higher-numbered scripts (applied scripts are never edited).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE locations (
    id                        uuid PRIMARY KEY,
    name                      text    NOT NULL,
    address                   text    NOT NULL,
    phone                     text    NOT NULL,
    time_zone                 text    NOT NULL,
    late_cancellation_minutes integer NOT NULL,
    opening_hours             jsonb   NOT NULL,
    rooms                     jsonb   NOT NULL
);

CREATE TABLE therapists (
    id                 uuid PRIMARY KEY,
    name               text   NOT NULL,
    licence_number     text   NOT NULL,
    licence_state      text   NOT NULL,
    licence_expires_on date   NOT NULL,
    certifications     text[] NOT NULL,
    specialties        text[] NOT NULL,
    location_ids       uuid[] NOT NULL,
    availability       jsonb  NOT NULL,
    time_off           jsonb  NOT NULL
);
CREATE INDEX therapists_location_ids ON therapists USING gin (location_ids);

CREATE TABLE appointment_types (
    code             text PRIMARY KEY,
    name             text    NOT NULL,
    kind             text    NOT NULL,
    duration_minutes integer NOT NULL CHECK (duration_minutes > 0)
);
INSERT INTO appointment_types (code, name, kind, duration_minutes) VALUES
    ('evaluation', 'Evaluation', 'Evaluation', 60),
    ('treatment-30', 'Treatment, 30 minutes', 'Treatment', 30),
    ('treatment-45', 'Treatment, 45 minutes', 'Treatment', 45),
    ('treatment-60', 'Treatment, 60 minutes', 'Treatment', 60),
    ('re-evaluation', 'Re-evaluation', 'ReEvaluation', 45);

-- Local read model of referrals, fed by the referral and clinical-notes services' events.
CREATE TABLE referrals (
    id                            uuid PRIMARY KEY,
    location_id                   uuid    NULL,
    patient                       jsonb   NOT NULL,
    status                        text    NOT NULL,
    status_reason                 text    NULL,
    techniques                    text[]  NOT NULL,
    techniques_awaiting_clearance text[]  NOT NULL,
    valid_from                    date    NOT NULL,
    valid_until                   date    NOT NULL,
    visits_authorized             integer NOT NULL,
    visits_used                   integer NOT NULL,
    visits_remaining              integer NOT NULL,
    evaluation_completed          boolean NOT NULL,
    plan_id                       uuid    NULL,
    plan_version                  integer NOT NULL,
    plan_techniques               text[]  NOT NULL,
    plan_sessions_per_week        integer NOT NULL,
    plan_weeks                    integer NOT NULL
);

CREATE TABLE appointments (
    id                   uuid PRIMARY KEY,
    referral_id          uuid        NOT NULL REFERENCES referrals (id),
    location_id          uuid        NOT NULL REFERENCES locations (id),
    therapist_id         uuid        NOT NULL REFERENCES therapists (id),
    room_id              uuid        NOT NULL,
    type_code            text        NOT NULL REFERENCES appointment_types (code),
    kind                 text        NOT NULL,
    starts_at            timestamptz NOT NULL,
    ends_at              timestamptz NOT NULL,
    status               text        NOT NULL,
    techniques           text[]      NOT NULL,
    series_id            uuid        NULL,
    is_late_cancellation boolean     NOT NULL DEFAULT false,
    cancellation_reason  text        NULL,
    booked_at            timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    CHECK (starts_at < ends_at),
    -- The guarantee against double booking: PostgreSQL itself refuses a second live appointment overlapping
    -- the same therapist's or room's time, however many requests race. Cancelled visits free their time.
    CONSTRAINT appointments_therapist_no_overlap
        EXCLUDE USING gist (therapist_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status <> 'Cancelled'),
    CONSTRAINT appointments_room_no_overlap
        EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status <> 'Cancelled')
);
CREATE INDEX appointments_referral ON appointments (referral_id);
CREATE INDEX appointments_series ON appointments (series_id) WHERE series_id IS NOT NULL;
CREATE INDEX appointments_location_time ON appointments (location_id, starts_at);

-- Patients asking for an earlier visit, in the order they asked.
CREATE TABLE waitlist_entries (
    id                   uuid PRIMARY KEY,
    referral_id          uuid        NOT NULL REFERENCES referrals (id),
    location_id          uuid        NOT NULL REFERENCES locations (id),
    appointment_type     text        NOT NULL REFERENCES appointment_types (code),
    therapist_id         uuid        NULL,
    before               timestamptz NULL,
    created_at           timestamptz NOT NULL,
    status               text        NOT NULL,
    offered_therapist_id uuid        NULL,
    offered_starts_at    timestamptz NULL,
    offered_ends_at      timestamptz NULL,
    offer_expires_at     timestamptz NULL,
    offer_hold_id        uuid        NULL,
    appointment_id       uuid        NULL,
    passed_slots         jsonb       NOT NULL
);
CREATE INDEX waitlist_waiting ON waitlist_entries (location_id, created_at) WHERE status = 'Waiting';
CREATE INDEX waitlist_offers_due ON waitlist_entries (offer_expires_at) WHERE status = 'Offered';
