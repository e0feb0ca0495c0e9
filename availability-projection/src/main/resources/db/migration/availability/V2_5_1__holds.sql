-- Holds: slots kept for customers during checkout. A placed hold blocks its busy interval until it expires.
CREATE TABLE hold_view (
    hold_id        UUID        NOT NULL PRIMARY KEY,
    business_id    UUID        NOT NULL,
    staff_id       UUID        NOT NULL,
    service_id     UUID        NOT NULL,
    start_at       TIMESTAMPTZ NOT NULL,
    end_at         TIMESTAMPTZ NOT NULL,
    busy_from      TIMESTAMPTZ NOT NULL,
    busy_to        TIMESTAMPTZ NOT NULL,
    placed_at      TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    state          VARCHAR(16) NOT NULL,
    appointment_id UUID
);
CREATE INDEX hold_view_placed ON hold_view (staff_id, busy_from) WHERE state = 'PLACED';
