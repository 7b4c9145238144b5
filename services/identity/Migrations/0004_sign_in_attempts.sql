-- Failed sign-ins per user name (known or not, so a lockout tells nothing of which names exist), for the back-off.
CREATE TABLE sign_in_attempts (
    user_name    text        NOT NULL,
    failures     integer     NOT NULL,
    locked_until timestamptz,
    CONSTRAINT pk_sign_in_attempts PRIMARY KEY (user_name)
);
