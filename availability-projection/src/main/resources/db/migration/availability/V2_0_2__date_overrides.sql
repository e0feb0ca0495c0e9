-- Working hours that replace a staff member's weekly hours on particular dates (an empty list is a day off).
ALTER TABLE staff_view ADD COLUMN overrides JSONB NOT NULL DEFAULT '{}';
