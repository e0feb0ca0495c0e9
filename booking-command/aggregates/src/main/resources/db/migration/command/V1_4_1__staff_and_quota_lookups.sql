-- Staff who may be assigned to a booking "with any staff member": active flag, services, and the order of their
-- latest assignment (a number from cmd_staff_assignment: larger is more recent, 0 never), for round robin.
CREATE SEQUENCE cmd_staff_assignment;

CREATE TABLE cmd_staff (
    staff_id      UUID    NOT NULL PRIMARY KEY,
    business_id   UUID    NOT NULL,
    active        BOOLEAN NOT NULL,
    last_assigned BIGINT  NOT NULL DEFAULT 0
);

CREATE TABLE cmd_staff_service (
    service_id UUID NOT NULL,
    staff_id   UUID NOT NULL,
    PRIMARY KEY (service_id, staff_id)
);

-- Customer quotas that exist (so a first booking creates one instead of loading a stream that is not there).
CREATE TABLE cmd_quota (
    quota_id TEXT NOT NULL PRIMARY KEY
);

-- Appointments counted by a customer quota (customer limit of a service), and the quota aggregate counting each.
CREATE TABLE cmd_quota_place (
    appointment_id UUID NOT NULL PRIMARY KEY,
    quota_id       TEXT NOT NULL
);

-- Staff registered before these tables existed: their registration, latest services and deactivation.
INSERT INTO cmd_staff (staff_id, business_id, active)
SELECT e.aggregate_identifier::uuid,
       (convert_from(e.payload, 'UTF8')::jsonb -> 'businessId' ->> 'id')::uuid,
       NOT EXISTS (SELECT 1 FROM domainevententry d
                   WHERE d.aggregate_identifier = e.aggregate_identifier
                     AND d.payload_type = 'dev.kairos.booking.calendar.StaffMemberDeactivated')
FROM domainevententry e
WHERE e.payload_type = 'dev.kairos.booking.calendar.StaffMemberRegistered';

INSERT INTO cmd_staff_service (service_id, staff_id)
SELECT DISTINCT (s.value ->> 'id')::uuid, latest.aggregate_identifier::uuid
FROM (SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier, payload
      FROM domainevententry
      WHERE payload_type IN ('dev.kairos.booking.calendar.StaffMemberRegistered',
                             'dev.kairos.booking.calendar.StaffServicesChanged')
      ORDER BY aggregate_identifier, sequence_number DESC) AS latest,
     jsonb_array_elements(convert_from(latest.payload, 'UTF8')::jsonb -> 'services') AS s;
