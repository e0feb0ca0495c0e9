-- Customers waiting for a service, with their open offer (a hold) or how their wait ended.
CREATE TABLE waitlist_view (
    entry_id         UUID        NOT NULL PRIMARY KEY,
    business_id      UUID        NOT NULL,
    service_id       UUID        NOT NULL,
    staff_id         UUID,
    window_from      TIMESTAMPTZ NOT NULL,
    window_to        TIMESTAMPTZ NOT NULL,
    customer_id      UUID        NOT NULL,
    customer_name    VARCHAR(200) NOT NULL,
    joined_at        TIMESTAMPTZ NOT NULL,
    line_seq         BIGSERIAL   NOT NULL,
    state            VARCHAR(16) NOT NULL,
    offer_hold_id    UUID,
    offer_staff_id   UUID,
    offer_start      TIMESTAMPTZ,
    offer_expires_at TIMESTAMPTZ,
    appointment_id   UUID
);
CREATE INDEX waitlist_view_line ON waitlist_view (business_id, service_id, line_seq);
