-- Recurring series: each occurrence is an appointment row carrying its series; the series row keeps the rule,
-- the zone its wall-clock times are read in, and every occurrence it expanded to (booked or skipped, with a code).
ALTER TABLE appointment_view ADD COLUMN series_id UUID;
CREATE INDEX appointment_view_series ON appointment_view (series_id) WHERE series_id IS NOT NULL;

CREATE TABLE series_view (
    series_id   UUID        NOT NULL PRIMARY KEY,
    business_id UUID        NOT NULL,
    staff_id    UUID        NOT NULL,
    service_id  UUID        NOT NULL,
    customer_id UUID        NOT NULL,
    rule        TEXT        NOT NULL,
    first_start TIMESTAMP   NOT NULL,
    zone        TEXT        NOT NULL,
    mode        VARCHAR(16) NOT NULL,
    occurrences JSONB       NOT NULL
);
