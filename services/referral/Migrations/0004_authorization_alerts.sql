-- Authorization alerts already raised per referral ("few-visits", "expires-soon"): each is raised once.
ALTER TABLE referrals ADD COLUMN authorization_alerts jsonb NOT NULL DEFAULT '[]';

-- Each location's time zone as scheduling announced it: a referral's days are days at its location.
CREATE TABLE known_locations (
    id         uuid        PRIMARY KEY,
    time_zone  text        NOT NULL,
    changed_at timestamptz NOT NULL
);
