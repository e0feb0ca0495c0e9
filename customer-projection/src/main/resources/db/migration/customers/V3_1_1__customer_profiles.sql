-- Customer profiles: the customer ids of a business that share a normalised email or a phone number are one
-- profile (ADR 0015). Every table here is derived from events alone, so a rebuild gives back the same rows.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Per customer id: the profile it belongs to (the smallest customer id of its linked group), its preferences and
-- when its personal data was erased.
ALTER TABLE customer_view ADD COLUMN profile_id UUID;
UPDATE customer_view SET profile_id = customer_id;
ALTER TABLE customer_view ALTER COLUMN profile_id SET NOT NULL;
ALTER TABLE customer_view ADD COLUMN time_zone VARCHAR(64);
ALTER TABLE customer_view ADD COLUMN language VARCHAR(35);
ALTER TABLE customer_view ADD COLUMN channel VARCHAR(8);
ALTER TABLE customer_view ADD COLUMN preferences_set_at TIMESTAMPTZ;
ALTER TABLE customer_view ADD COLUMN erased_at TIMESTAMPTZ;
CREATE INDEX customer_view_profile ON customer_view (profile_id);

-- The contacts each customer id was booked with ('email:...' lowercased, 'phone:+...'); what links ids together.
CREATE TABLE customer_contact (
    business_id UUID         NOT NULL,
    contact     VARCHAR(280) NOT NULL,
    customer_id UUID         NOT NULL,
    PRIMARY KEY (business_id, contact, customer_id)
);
CREATE INDEX customer_contact_customer ON customer_contact (customer_id);
INSERT INTO customer_contact (business_id, contact, customer_id)
SELECT DISTINCT business_id, 'email:' || customer_email, customer_id FROM customer_appointment WHERE customer_email IS NOT NULL
UNION
SELECT DISTINCT business_id, 'phone:' || customer_phone, customer_id FROM customer_appointment WHERE customer_phone IS NOT NULL;

CREATE INDEX customer_appointment_end ON customer_appointment (customer_id, end_at);

-- One row per profile that still holds personal data: the newest name, email and phone its ids were booked with,
-- the newest preferences, and what search needs.
CREATE TABLE customer_profile (
    profile_id  UUID         NOT NULL PRIMARY KEY,
    business_id UUID         NOT NULL,
    name        VARCHAR(200) NOT NULL,
    email       VARCHAR(254),
    phone       VARCHAR(16),
    time_zone   VARCHAR(64),
    language    VARCHAR(35),
    channel     VARCHAR(8)
);
CREATE INDEX customer_profile_page ON customer_profile (business_id, lower(name), profile_id);
CREATE INDEX customer_profile_name ON customer_profile USING gin (lower(name) gin_trgm_ops);
CREATE INDEX customer_profile_email ON customer_profile (business_id, lower(email));
CREATE INDEX customer_profile_phone ON customer_profile (business_id, phone text_pattern_ops);
