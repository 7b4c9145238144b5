-- Notification.Api schema; later changes go in new, higher-numbered scripts (applied scripts are never edited).

-- One row per message to one recipient on one channel. The unique key makes sending idempotent on
-- (source event, purpose, recipient, channel): redelivered events and restarts find the row and add nothing.
-- "purpose" separates the confirmation from the reminders one booking schedules.
CREATE TABLE messages (
    id               uuid        PRIMARY KEY,
    source_event_id  uuid        NOT NULL,
    purpose          text        NOT NULL,
    message_type     text        NOT NULL,
    category         text        NOT NULL,
    channel          text        NOT NULL,
    recipient        text        NOT NULL,
    recipient_key    text        NOT NULL,
    patient_id       uuid        NULL,
    appointment_id   uuid        NULL,
    location_id      uuid        NULL,
    time_zone        text        NOT NULL,
    language         text        NOT NULL,
    subject          text        NOT NULL,
    body             text        NOT NULL,
    status           text        NOT NULL,
    due_at           timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text        NULL,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz NULL,
    read_at          timestamptz NULL,
    CONSTRAINT messages_once UNIQUE (source_event_id, purpose, recipient, channel)
);
-- The dispatcher's work queue: only rows still waiting, by due time.
CREATE INDEX messages_due ON messages (due_at) WHERE status = 'Queued';
CREATE INDEX messages_appointment ON messages (appointment_id) WHERE appointment_id IS NOT NULL;
CREATE INDEX messages_inbox ON messages (recipient_key, created_at) WHERE channel = 'InApp';

-- The delivery log: every state a message went through, with the reason.
CREATE TABLE message_log (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id  uuid        NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    status      text        NOT NULL,
    attempt     integer     NOT NULL,
    detail      text        NULL
);
CREATE INDEX message_log_message ON message_log (message_id, id);

CREATE TABLE patient_preferences (
    patient_id          uuid        PRIMARY KEY,
    channel             text        NOT NULL,
    language            text        NOT NULL,
    reminders_opted_out boolean     NOT NULL,
    clinical_opted_out  boolean     NOT NULL,
    quiet_hours_start   time        NULL,
    quiet_hours_end     time        NULL,
    updated_at          timestamptz NOT NULL
);

-- What the referral events told us, so later events that carry only a referral id reach the right people.
CREATE TABLE referral_contacts (
    referral_id          uuid        PRIMARY KEY,
    location_id          uuid        NULL,
    patient_id           uuid        NOT NULL,
    patient_name         text        NOT NULL,
    patient_email        text        NULL,
    patient_phone        text        NULL,
    patient_channel      text        NOT NULL,
    patient_language     text        NOT NULL,
    physician_name       text        NOT NULL,
    physician_npi        text        NOT NULL,
    physician_email      text        NULL,
    physician_phone      text        NULL,
    updated_at           timestamptz NOT NULL
);

-- Locations as the scheduling events describe them (name, address, phone, zone), for messages whose events
-- carry only a location id.
CREATE TABLE locations (
    location_id uuid        PRIMARY KEY,
    name        text        NOT NULL,
    address     text        NOT NULL,
    phone       text        NOT NULL,
    time_zone   text        NOT NULL,
    updated_at  timestamptz NOT NULL
);
