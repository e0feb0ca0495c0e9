-- Read model of the catalog and of every staff member's schedule. Display only: it may lag the event store.
CREATE TABLE business_view (
    business_id UUID         NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    zone        VARCHAR(64)  NOT NULL,
    currency    CHAR(3)      NOT NULL,
    settings    JSONB        NOT NULL,
    active      BOOLEAN      NOT NULL,
    revision    BIGINT       NOT NULL
);

CREATE TABLE service_view (
    service_id       UUID          NOT NULL PRIMARY KEY,
    business_id      UUID          NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    description      TEXT,
    duration_s       INTEGER       NOT NULL,
    price            NUMERIC(14,4) NOT NULL,
    currency         CHAR(3)       NOT NULL,
    buffer_before_s  INTEGER       NOT NULL,
    buffer_after_s   INTEGER       NOT NULL,
    slot_interval_s  INTEGER       NOT NULL,
    min_notice_s     BIGINT        NOT NULL,
    max_advance_days INTEGER       NOT NULL,
    active           BOOLEAN       NOT NULL,
    revision         BIGINT        NOT NULL
);
CREATE INDEX service_view_business ON service_view (business_id, name, service_id);

CREATE TABLE staff_view (
    staff_id    UUID         NOT NULL PRIMARY KEY,
    business_id UUID         NOT NULL,
    name        VARCHAR(200) NOT NULL,
    email       VARCHAR(254),
    phone       VARCHAR(16),
    zone        VARCHAR(64)  NOT NULL,
    schedule    JSONB        NOT NULL,
    active      BOOLEAN      NOT NULL,
    revision    BIGINT       NOT NULL
);
CREATE INDEX staff_view_business ON staff_view (business_id, name, staff_id);

CREATE TABLE staff_service (
    staff_id    UUID NOT NULL,
    service_id  UUID NOT NULL,
    business_id UUID NOT NULL,
    PRIMARY KEY (service_id, staff_id)
);
CREATE INDEX staff_service_staff ON staff_service (staff_id);

CREATE TABLE appointment_view (
    appointment_id UUID         NOT NULL PRIMARY KEY,
    business_id    UUID         NOT NULL,
    staff_id       UUID         NOT NULL,
    service_id     UUID         NOT NULL,
    customer_id    UUID         NOT NULL,
    customer_name  VARCHAR(200) NOT NULL,
    customer_email VARCHAR(254),
    customer_phone VARCHAR(16),
    start_at       TIMESTAMPTZ  NOT NULL,
    end_at         TIMESTAMPTZ  NOT NULL,
    busy_from      TIMESTAMPTZ  NOT NULL,
    busy_to        TIMESTAMPTZ  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    notes          TEXT,
    metadata       JSONB        NOT NULL,
    revision       BIGINT       NOT NULL,
    booked_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX appointment_view_business_start ON appointment_view (business_id, start_at, appointment_id);
CREATE INDEX appointment_view_busy ON appointment_view (staff_id, busy_from) WHERE status IN ('SCHEDULED', 'CONFIRMED');

-- How far this projection has applied each aggregate's stream; queries wait on it to read their own writes.
CREATE TABLE schedule_position (
    aggregate_id VARCHAR(64) NOT NULL PRIMARY KEY,
    sequence     BIGINT      NOT NULL
);
