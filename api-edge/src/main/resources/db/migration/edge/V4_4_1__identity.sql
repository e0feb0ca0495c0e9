-- People who sign in. Email is unique regardless of case; accounts federated from a business's identity provider
-- have no password.
CREATE TABLE app_user (
    user_id        UUID         NOT NULL PRIMARY KEY,
    email          VARCHAR(320) NOT NULL,
    name           VARCHAR(200) NOT NULL,
    password_hash  VARCHAR(255),
    platform_admin BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));

-- What a user may do in a business. Staff act for one staff member, customers for one customer.
CREATE TABLE membership (
    user_id     UUID        NOT NULL REFERENCES app_user (user_id),
    business_id UUID        NOT NULL,
    role        VARCHAR(32) NOT NULL,
    staff_id    UUID,
    customer_id UUID,
    granted_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, business_id, role)
);
CREATE INDEX membership_business ON membership (business_id);

-- A login: one family of refresh tokens. Revoking it ends every token of the family and its access tokens.
CREATE TABLE login_session (
    session_id  UUID        NOT NULL PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES app_user (user_id),
    business_id UUID,
    method      VARCHAR(16) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ,
    revoked_why VARCHAR(32)
);
CREATE INDEX login_session_user ON login_session (user_id);

-- Revocations in the order they happened, so every node learns them by asking for what is newer than it knows.
CREATE TABLE session_revocation (
    seq        BIGSERIAL   NOT NULL PRIMARY KEY,
    session_id UUID        NOT NULL,
    revoked_at TIMESTAMPTZ NOT NULL
);

-- Refresh tokens are kept only as SHA-256 hashes. Each is used once; using one again revokes its whole session.
CREATE TABLE refresh_token (
    token_hash BYTEA       NOT NULL PRIMARY KEY,
    session_id UUID        NOT NULL REFERENCES login_session (session_id),
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX refresh_token_session ON refresh_token (session_id);

-- The engine's own token signing keys. A key is published before it signs (activates_at), signs until retires_at,
-- and is published until expires_at so tokens it signed stay verifiable; a revoked key expires at once.
CREATE TABLE signing_key (
    kid          VARCHAR(64) NOT NULL PRIMARY KEY,
    algorithm    VARCHAR(16) NOT NULL,
    private_key  BYTEA       NOT NULL,
    public_key   BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    activates_at TIMESTAMPTZ NOT NULL,
    retires_at   TIMESTAMPTZ,
    expires_at   TIMESTAMPTZ
);

-- Authentication events as the auditor reads them (the events themselves are in the event store).
CREATE TABLE auth_event_view (
    event_id    UUID         NOT NULL PRIMARY KEY,
    seq         BIGSERIAL    NOT NULL,
    business_id UUID,
    user_id     UUID,
    api_key_id  UUID,
    type        VARCHAR(48)  NOT NULL,
    detail      VARCHAR(500),
    ip          VARCHAR(64),
    occurred_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX auth_event_view_business ON auth_event_view (business_id, seq);
