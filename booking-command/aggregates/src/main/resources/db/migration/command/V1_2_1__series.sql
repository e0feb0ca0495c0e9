-- Which staff calendar holds each series (all occurrences of a series live in one calendar).
CREATE TABLE cmd_series (
    series_id   uuid PRIMARY KEY,
    business_id uuid NOT NULL,
    staff_id    uuid NOT NULL,
    service_id  uuid NOT NULL
);
