-- Customers per business, de-duplicated by the id the edge derives from business + email (or phone).
CREATE TABLE customer_view (
    customer_id       UUID         NOT NULL PRIMARY KEY,
    business_id       UUID         NOT NULL,
    name              VARCHAR(200) NOT NULL,
    email             VARCHAR(254),
    phone             VARCHAR(16),
    first_booked_at   TIMESTAMPTZ  NOT NULL,
    last_booked_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX customer_view_business ON customer_view (business_id, name);

CREATE TABLE customer_appointment (
    appointment_id UUID        NOT NULL PRIMARY KEY,
    customer_id    UUID        NOT NULL,
    business_id    UUID        NOT NULL,
    service_id     UUID        NOT NULL,
    staff_id       UUID        NOT NULL,
    start_at       TIMESTAMPTZ NOT NULL,
    end_at         TIMESTAMPTZ NOT NULL,
    status         VARCHAR(16) NOT NULL,
    revision       BIGINT      NOT NULL
);
CREATE INDEX customer_appointment_customer ON customer_appointment (customer_id, start_at);
