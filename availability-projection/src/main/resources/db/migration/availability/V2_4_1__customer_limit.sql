-- A service's limit of bookings per customer per period (day / week / month in the business's zone); NULL: none.
ALTER TABLE service_view ADD COLUMN customer_limit_max INTEGER;
ALTER TABLE service_view ADD COLUMN customer_limit_period VARCHAR(8);
