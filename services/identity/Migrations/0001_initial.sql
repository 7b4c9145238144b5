-- OpenIddict's Entity Framework Core stores (OpenIddict 7.8, default entities, table names as OpenIddict sets them,
-- column names in snake_case as our naming convention maps them).
CREATE TABLE "OpenIddictApplications" (
    id text NOT NULL,
    application_type character varying(50),
    client_id character varying(100),
    client_secret text,
    client_type character varying(50),
    concurrency_token character varying(50),
    consent_type character varying(50),
    display_name text,
    display_names text,
    json_web_key_set text,
    permissions text,
    post_logout_redirect_uris text,
    properties text,
    redirect_uris text,
    requirements text,
    settings text,
    CONSTRAINT pk_open_iddict_applications PRIMARY KEY (id)
);

CREATE TABLE "OpenIddictScopes" (
    id text NOT NULL,
    concurrency_token character varying(50),
    description text,
    descriptions text,
    display_name text,
    display_names text,
    name character varying(200),
    properties text,
    resources text,
    CONSTRAINT pk_open_iddict_scopes PRIMARY KEY (id)
);

CREATE TABLE "OpenIddictAuthorizations" (
    id text NOT NULL,
    application_id text,
    concurrency_token character varying(50),
    creation_date timestamp with time zone,
    properties text,
    scopes text,
    status character varying(50),
    subject character varying(400),
    type character varying(50),
    CONSTRAINT pk_open_iddict_authorizations PRIMARY KEY (id),
    CONSTRAINT fk_open_iddict_authorizations_open_iddict_applications_application FOREIGN KEY (application_id) REFERENCES "OpenIddictApplications" (id)
);

CREATE TABLE "OpenIddictTokens" (
    id text NOT NULL,
    application_id text,
    authorization_id text,
    concurrency_token character varying(50),
    creation_date timestamp with time zone,
    expiration_date timestamp with time zone,
    payload text,
    properties text,
    redemption_date timestamp with time zone,
    reference_id character varying(100),
    status character varying(50),
    subject character varying(400),
    type character varying(150),
    CONSTRAINT pk_open_iddict_tokens PRIMARY KEY (id),
    CONSTRAINT fk_open_iddict_tokens_open_iddict_applications_application_id FOREIGN KEY (application_id) REFERENCES "OpenIddictApplications" (id),
    CONSTRAINT fk_open_iddict_tokens_open_iddict_authorizations_authorization_id FOREIGN KEY (authorization_id) REFERENCES "OpenIddictAuthorizations" (id)
);

CREATE UNIQUE INDEX ix_open_iddict_applications_client_id ON "OpenIddictApplications" (client_id);
CREATE INDEX ix_open_iddict_authorizations_application_id_status_subject_type ON "OpenIddictAuthorizations" (application_id, status, subject, type);
CREATE UNIQUE INDEX ix_open_iddict_scopes_name ON "OpenIddictScopes" (name);
CREATE INDEX ix_open_iddict_tokens_application_id_status_subject_type ON "OpenIddictTokens" (application_id, status, subject, type);
CREATE INDEX ix_open_iddict_tokens_authorization_id ON "OpenIddictTokens" (authorization_id);
CREATE UNIQUE INDEX ix_open_iddict_tokens_reference_id ON "OpenIddictTokens" (reference_id);

-- People who sign in through the login page. Passwords are stored only as ASP.NET Core Identity V3 hashes.
CREATE TABLE staff_members (
    id uuid NOT NULL,
    user_name text NOT NULL,
    display_name text NOT NULL,
    role text NOT NULL CHECK (role IN ('referring-physician', 'front-desk', 'therapist', 'clinic-admin', 'ops')),
    locations uuid[] NOT NULL DEFAULT '{}',
    password_hash text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    CONSTRAINT pk_staff_members PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_staff_members_user_name ON staff_members (user_name);

-- Client assertions already presented (SMART Backend Services: a jti is used once). Rows are kept until the
-- assertion expires; after that the assertion itself is refused as expired.
CREATE TABLE used_client_assertions (
    client_id text NOT NULL,
    jti text NOT NULL,
    expires_at timestamptz NOT NULL,
    CONSTRAINT pk_used_client_assertions PRIMARY KEY (client_id, jti)
);
CREATE INDEX ix_used_client_assertions_expires_at ON used_client_assertions (expires_at);
