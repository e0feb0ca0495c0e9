-- Per-customer data keys (crypto-shredding). Each row is one key of one customer, wrapped (AES-256-GCM) by the
-- master key named in master_key_id. Erasing a customer clears wrapped_key and sets destroyed_at: data encrypted
-- under that key can no longer be read. A customer seen again after erasure gets a new row, a new key id.
CREATE TABLE customer_key (
    key_id        UUID PRIMARY KEY,
    customer_id   UUID        NOT NULL,
    master_key_id TEXT,
    wrapped_key   BYTEA,
    created_at    TIMESTAMPTZ NOT NULL,
    destroyed_at  TIMESTAMPTZ,
    CONSTRAINT customer_key_destroyed_or_wrapped CHECK ((destroyed_at IS NULL) = (wrapped_key IS NOT NULL))
);
-- at most one live key per customer, so two nodes that see a new customer at once agree on its key
CREATE UNIQUE INDEX customer_key_live ON customer_key (customer_id) WHERE destroyed_at IS NULL;
CREATE INDEX customer_key_customer ON customer_key (customer_id);

-- Progress of the one-off re-encryption of rows an older engine stored with personal data in the clear.
CREATE TABLE privacy_legacy_rewrite (
    store       TEXT PRIMARY KEY,
    position    BIGINT      NOT NULL DEFAULT 0,
    last_key    TEXT,
    finished_at TIMESTAMPTZ
);
