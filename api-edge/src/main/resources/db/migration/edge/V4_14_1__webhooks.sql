-- Webhook subscriptions of businesses. The signing secret is kept as it is (a shared secret: the engine signs with
-- it); after a rotation the previous one still signs, next to the new one, until previous_expires_at.
CREATE TABLE webhook_subscription (
    subscription_id     UUID          NOT NULL PRIMARY KEY,
    business_id         UUID          NOT NULL,
    url                 VARCHAR(2048) NOT NULL,
    event_types         TEXT          NOT NULL,
    description         VARCHAR(500),
    secret              VARCHAR(100)  NOT NULL,
    rotation_id         UUID,
    previous_secret     VARCHAR(100),
    previous_expires_at TIMESTAMPTZ,
    state               VARCHAR(16)   NOT NULL,
    -- only events stored after this position are delivered (the newest position when the subscription was made)
    from_position       BIGINT        NOT NULL,
    disabled_at         TIMESTAMPTZ,
    disabled_reason     TEXT,
    created_at          TIMESTAMPTZ   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_subscription_business ON webhook_subscription (business_id, created_at);

-- One public event to one subscription. Written by the webhooks processing group in the transaction that moves its
-- token, so an event is neither lost nor doubled; (subscription, event) is unique all the same.
CREATE TABLE webhook_delivery (
    delivery_id     UUID         NOT NULL PRIMARY KEY,
    subscription_id UUID         NOT NULL REFERENCES webhook_subscription (subscription_id) ON DELETE CASCADE,
    business_id     UUID         NOT NULL,
    event_id        VARCHAR(255) NOT NULL,
    event_type      VARCHAR(100) NOT NULL,
    position        BIGINT       NOT NULL,
    payload         TEXT         NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    -- attempts made (automatic and manual), and how many of them were the automatic schedule's
    attempts        INT          NOT NULL DEFAULT 0,
    retries_used    INT          NOT NULL DEFAULT 0,
    -- when the next attempt is due; while an attempt runs, when it may be taken over (claim lease)
    next_attempt_at TIMESTAMPTZ,
    manual_due      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ  NOT NULL,
    last_attempt_at TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, created_at);

-- Every attempt of a delivery: the delivery log.
CREATE TABLE webhook_attempt (
    delivery_id      UUID         NOT NULL REFERENCES webhook_delivery (delivery_id) ON DELETE CASCADE,
    attempt          INT          NOT NULL,
    started_at       TIMESTAMPTZ  NOT NULL,
    duration_ms      BIGINT       NOT NULL,
    status_code      INT,
    error            VARCHAR(500),
    response_snippet VARCHAR(2000),
    manual           BOOLEAN      NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);

-- What the business was told about its webhooks (an automatic disabling), and whether the owners were emailed.
CREATE TABLE webhook_notice (
    notice_id       UUID         NOT NULL PRIMARY KEY,
    business_id     UUID         NOT NULL,
    subscription_id UUID         NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    message         TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    emailed_to      TEXT,
    email_error     VARCHAR(500)
);
CREATE INDEX webhook_notice_business ON webhook_notice (business_id, created_at);
