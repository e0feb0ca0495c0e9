-- The public event feed's index: which business each stored event belongs to, by its position in the event store.
-- Written by a trigger in the transaction that stores the event, so it is never behind or ahead of the store.
CREATE TABLE edge_event_feed (
    business_id  UUID         NOT NULL,
    global_index BIGINT       NOT NULL,
    payload_type VARCHAR(255) NOT NULL,
    PRIMARY KEY (business_id, global_index)
);

CREATE FUNCTION edge_event_feed_index() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    business TEXT;
BEGIN
    business := convert_from(NEW.payload, 'UTF8')::jsonb -> 'businessId' ->> 'id';
    IF business IS NOT NULL THEN
        INSERT INTO edge_event_feed (business_id, global_index, payload_type)
        VALUES (business::uuid, NEW.global_index, NEW.payload_type);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER domainevententry_event_feed AFTER INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION edge_event_feed_index();

-- events stored before the feed existed
INSERT INTO edge_event_feed (business_id, global_index, payload_type)
SELECT (convert_from(payload, 'UTF8')::jsonb -> 'businessId' ->> 'id')::uuid, global_index, payload_type
FROM domainevententry
WHERE convert_from(payload, 'UTF8')::jsonb -> 'businessId' ->> 'id' IS NOT NULL;
