-- Which calendar holds a hold, and how it ended (a confirmed hold names its appointment, for idempotent retries).
CREATE TABLE cmd_hold (
    hold_id        UUID        NOT NULL PRIMARY KEY,
    business_id    UUID        NOT NULL,
    staff_id       UUID        NOT NULL,
    state          VARCHAR(16) NOT NULL,
    appointment_id UUID
);
