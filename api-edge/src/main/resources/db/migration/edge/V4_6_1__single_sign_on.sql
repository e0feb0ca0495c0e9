-- Single sign-on: a business may trust its own identity provider. One OpenID Connect and one SAML 2.0 provider per
-- business; the client secret never leaves the database through the API.
CREATE TABLE sso_oidc_provider (
    business_id            UUID        NOT NULL PRIMARY KEY,
    issuer                 TEXT        NOT NULL,
    client_id              TEXT        NOT NULL,
    client_secret          TEXT        NOT NULL,
    allowed_domains        TEXT[]      NOT NULL,
    default_role           TEXT        NOT NULL,
    authorization_endpoint TEXT        NOT NULL,
    token_endpoint         TEXT        NOT NULL,
    jwks_uri               TEXT        NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL
);
-- a client registration belongs to one business: a token's audience then names the business it is for
CREATE UNIQUE INDEX sso_oidc_provider_client ON sso_oidc_provider (issuer, client_id);

CREATE TABLE sso_saml_provider (
    business_id     UUID        NOT NULL PRIMARY KEY,
    idp_entity_id   TEXT        NOT NULL,
    idp_sso_url     TEXT        NOT NULL,
    idp_certificate TEXT        NOT NULL,
    default_role    TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- Logins under way: the OpenID Connect state (with its nonce and PKCE verifier) or the SAML AuthnRequest id. Kept
-- here rather than in a node's memory so any node can finish a login; each is used once and expires soon.
CREATE TABLE sso_login_request (
    id            TEXT        NOT NULL PRIMARY KEY,
    protocol      TEXT        NOT NULL CHECK (protocol IN ('oidc', 'saml')),
    business_id   UUID        NOT NULL,
    nonce         TEXT,
    code_verifier TEXT,
    redirect_uri  TEXT,
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ
);
CREATE INDEX sso_login_request_expiry ON sso_login_request (expires_at);
