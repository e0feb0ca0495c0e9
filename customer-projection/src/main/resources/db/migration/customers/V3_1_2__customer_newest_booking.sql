-- A profile shows the details of the newest booking of any of its linked ids: with the bookings of each id indexed
-- newest first, that is one short index step per linked id instead of sorting every booking of the profile again on
-- each booking (a returning customer's profile is written again every time they book).
DROP INDEX customer_appointment_customer;
CREATE INDEX customer_appointment_newest ON customer_appointment (customer_id, booked_at DESC, appointment_id DESC);
