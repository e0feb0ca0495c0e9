-- The customer's own time zone, if they gave one at booking; appointments are stated in it as well.
ALTER TABLE appointment_view ADD COLUMN customer_zone VARCHAR(64);
