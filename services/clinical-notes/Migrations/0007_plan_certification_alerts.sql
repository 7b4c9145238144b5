-- Plans whose physician was told a (re)certification is due, one row per plan and due date. The sweep claims the row in
-- the transaction that writes the event to the outbox, so running again, or on another replica, never tells them twice.
CREATE TABLE plan_certification_alerts (
    plan_id    uuid NOT NULL,
    due_by     date NOT NULL,
    version    integer NOT NULL,
    alerted_at timestamptz NOT NULL,
    PRIMARY KEY (plan_id, due_by)
);
