-- Seats of a group service (1: one customer at a time).
ALTER TABLE service_view ADD COLUMN capacity INTEGER NOT NULL DEFAULT 1;
