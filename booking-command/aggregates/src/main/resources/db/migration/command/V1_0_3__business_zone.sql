-- The business's home zone: holidays, recurring series and customer limits are kept in its wall-clock time.
ALTER TABLE cmd_business ADD COLUMN zone TEXT;
-- Businesses registered before this column existed take the zone of their latest profile event.
UPDATE cmd_business b SET zone = (
    SELECT convert_from(e.payload, 'UTF8')::jsonb -> 'profile' ->> 'zone'
    FROM domainevententry e
    WHERE e.aggregate_identifier = b.business_id::text
      AND e.payload_type IN ('dev.kairos.booking.catalog.BusinessRegistered', 'dev.kairos.booking.catalog.BusinessUpdated')
    ORDER BY e.sequence_number DESC
    LIMIT 1);
UPDATE cmd_business SET zone = 'UTC' WHERE zone IS NULL;
ALTER TABLE cmd_business ALTER COLUMN zone SET NOT NULL;
