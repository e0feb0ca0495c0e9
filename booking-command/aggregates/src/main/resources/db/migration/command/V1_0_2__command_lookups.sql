-- Command-side lookups, written by a subscribing processor in the same transaction as the events they follow,
-- so a command handler can trust them (set-based validation). Never read by queries.
CREATE TABLE cmd_business (
    business_id UUID    NOT NULL PRIMARY KEY,
    active      BOOLEAN NOT NULL
);

CREATE TABLE cmd_service (
    service_id  UUID    NOT NULL PRIMARY KEY,
    business_id UUID    NOT NULL,
    terms       TEXT    NOT NULL,
    active      BOOLEAN NOT NULL
);

CREATE TABLE cmd_appointment (
    appointment_id UUID        NOT NULL PRIMARY KEY,
    business_id    UUID        NOT NULL,
    staff_id       UUID        NOT NULL,
    service_id     UUID        NOT NULL,
    status         VARCHAR(16) NOT NULL,
    revision       BIGINT      NOT NULL
);
