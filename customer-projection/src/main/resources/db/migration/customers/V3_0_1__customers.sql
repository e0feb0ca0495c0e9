-- Customers per business, de-duplicated by the id the edge derives from business + email (or phone).
-- Contact details are kept per booking and the newest booking's details are the customer's: rows are only ever
-- inserted, never updated concurrently, so events of one customer may be applied in any order.
CREATE TABLE customer_view (
    customer_id UUID NOT NULL PRIMARY KEY,
    business_id UUID NOT NULL
);
CREATE INDEX customer_view_business ON customer_view (business_id);

CREATE TABLE customer_appointment (
    appointment_id UUID         NOT NULL PRIMARY KEY,
    customer_id    UUID         NOT NULL,
    business_id    UUID         NOT NULL,
    service_id     UUID         NOT NULL,
    staff_id       UUID         NOT NULL,
    start_at       TIMESTAMPTZ  NOT NULL,
    end_at         TIMESTAMPTZ  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    revision       BIGINT       NOT NULL,
    customer_name  VARCHAR(200) NOT NULL,
    customer_email VARCHAR(254),
    customer_phone VARCHAR(16),
    booked_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX customer_appointment_customer ON customer_appointment (customer_id, booked_at);
