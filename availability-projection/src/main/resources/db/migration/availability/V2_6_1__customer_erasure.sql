-- Customers whose personal data was erased, and when: bookings and waitlist entries made until then are kept under
-- the erased name without contact details or notes, whatever order the events are applied in.
CREATE TABLE customer_erasure (
    customer_id UUID        NOT NULL PRIMARY KEY,
    business_id UUID        NOT NULL,
    erased_at   TIMESTAMPTZ NOT NULL
);
