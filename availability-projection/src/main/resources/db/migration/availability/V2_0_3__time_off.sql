-- Periods taken out of a staff member's bookable time (vacation, sick leave, breaks).
CREATE TABLE time_off_view (
    time_off_id UUID        NOT NULL PRIMARY KEY,
    business_id UUID        NOT NULL,
    staff_id    UUID        NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    reason      VARCHAR(500)
);
CREATE INDEX time_off_view_staff ON time_off_view (staff_id, starts_at);
