-- Managers oversee their locations' figures.
ALTER TABLE staff_members DROP CONSTRAINT IF EXISTS staff_members_role_check;
ALTER TABLE staff_members ADD CONSTRAINT staff_members_role_check
    CHECK (role IN ('referring-physician', 'front-desk', 'therapist', 'clinic-admin', 'manager', 'ops'));

-- Invited people set their password from a one-time link; only the token's hash is kept.
CREATE TABLE staff_invitations (
    id uuid NOT NULL,
    staff_id uuid NOT NULL REFERENCES staff_members (id),
    token_hash text NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    CONSTRAINT pk_staff_invitations PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_staff_invitations_token_hash ON staff_invitations (token_hash);
CREATE INDEX ix_staff_invitations_staff_id ON staff_invitations (staff_id);
