-- A service's cancellation and reschedule policy (JSON of ChangePolicy; NULL for services defined before policies).
ALTER TABLE service_view ADD COLUMN change_policy JSONB;

-- What a policy made of a change of an appointment: a fee due and/or a business override. One row per change that
-- had either, keyed by the appointment's revision after the change, so events arriving through two calendars'
-- streams (a move) insert in any order and never twice.
CREATE TABLE appointment_policy_decision (
    appointment_id  UUID          NOT NULL,
    revision        BIGINT        NOT NULL,
    business_id     UUID          NOT NULL,
    change          VARCHAR(16)   NOT NULL,
    initiated_by    VARCHAR(16)   NOT NULL,
    fee_amount      NUMERIC(14,4),
    fee_currency    CHAR(3),
    override_actor  VARCHAR(200),
    override_reason VARCHAR(500),
    decided_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (appointment_id, revision)
);
