-- Which calendar holds a hold, and how it ended (a confirmed hold names its appointment, for idempotent retries).
CREATE TABLE cmd_hold (
    hold_id        UUID        NOT NULL PRIMARY KEY,
    business_id    UUID        NOT NULL,
    staff_id       UUID        NOT NULL,
    state          VARCHAR(16) NOT NULL,
    appointment_id UUID
);

-- Waitlist entries: where each lives, its state and its open offer. joined_seq orders the line across services.
CREATE TABLE cmd_waitlist_entry (
    entry_id       UUID        NOT NULL PRIMARY KEY,
    waitlist_id    UUID        NOT NULL,
    business_id    UUID        NOT NULL,
    service_id     UUID        NOT NULL,
    staff_id       UUID,
    window_from    TIMESTAMPTZ NOT NULL,
    window_to      TIMESTAMPTZ NOT NULL,
    state          VARCHAR(16) NOT NULL,
    offer_hold_id  UUID,
    offer_staff_id UUID,
    joined_seq     BIGSERIAL   NOT NULL
);
CREATE INDEX cmd_waitlist_entry_waiting ON cmd_waitlist_entry (business_id, window_from) WHERE state IN ('WAITING', 'OFFERED');
CREATE INDEX cmd_waitlist_entry_offer ON cmd_waitlist_entry (offer_hold_id) WHERE offer_hold_id IS NOT NULL;

-- Where a live appointment starts, so the time it frees on cancellation can be offered to the waitlist.
ALTER TABLE cmd_appointment ADD COLUMN slot_start TIMESTAMPTZ;
