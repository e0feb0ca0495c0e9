-- At most this many live appointments per date / per week (Monday to Sunday) in the staff member's zone; NULL: none.
ALTER TABLE staff_view ADD COLUMN limit_per_day INTEGER;
ALTER TABLE staff_view ADD COLUMN limit_per_week INTEGER;
