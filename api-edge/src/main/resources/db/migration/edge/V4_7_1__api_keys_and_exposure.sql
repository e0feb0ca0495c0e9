-- API keys for server-to-server integrations. The key itself is shown once; only the SHA-256 hash of its secret part
-- is kept, with its public prefix, which is how a presented key is found (one index lookup per request, so a
-- revocation counts at once on every node).
CREATE TABLE api_key (
    prefix       VARCHAR(16)  NOT NULL PRIMARY KEY,
    key_id       UUID         NOT NULL UNIQUE,
    business_id  UUID         NOT NULL,
    name         VARCHAR(200) NOT NULL,
    secret_hash  BYTEA        NOT NULL,
    scopes       TEXT         NOT NULL,
    allowed_ips  TEXT         NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   UUID,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_key_business ON api_key (business_id, created_at);

-- The addresses a business's callers may come from (CIDRs, space separated); no row or an empty list: anywhere.
CREATE TABLE business_ip_allowlist (
    business_id UUID        NOT NULL PRIMARY KEY,
    cidrs       TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Browser origins (scheme, host, port) a business's booking widgets run on.
CREATE TABLE business_cors_origin (
    business_id UUID         NOT NULL,
    origin      VARCHAR(300) NOT NULL,
    PRIMARY KEY (business_id, origin)
);
CREATE INDEX business_cors_origin_origin ON business_cors_origin (origin);
