-- Transactional outbox: integration events written in the same transaction as the change that caused them.
CREATE TABLE outbox_messages (
    sequence        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE,
    event_type      text        NOT NULL,
    payload         jsonb       NOT NULL,
    occurred_at     timestamptz NOT NULL,
    sent_at         timestamptz NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NULL,
    last_error      text        NULL
);
CREATE INDEX outbox_messages_pending ON outbox_messages (sequence) WHERE sent_at IS NULL;

-- Idempotent consumers: one row per (consumer, message) whose effect has been applied.
CREATE TABLE processed_messages (
    consumer     text        NOT NULL,
    message_id   uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
