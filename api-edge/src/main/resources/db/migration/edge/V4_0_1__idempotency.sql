-- First answers to POST requests that carried an Idempotency-Key; a retry gets the stored answer.
CREATE TABLE idempotency_record (
    scope           VARCHAR(80)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    status          INTEGER,
    headers         TEXT,
    body            BYTEA,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
