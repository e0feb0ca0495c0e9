-- The holidays of each business as local dates (first to last, inclusive) of its home zone (cmd_business.zone):
-- a booking decision turns those that matter into instants, so a change of zone moves them along.
CREATE TABLE cmd_holiday (
    business_id UUID NOT NULL,
    holiday_id  UUID NOT NULL,
    first_date  DATE NOT NULL,
    last_date   DATE NOT NULL,
    PRIMARY KEY (business_id, holiday_id)
);
CREATE INDEX cmd_holiday_business_last ON cmd_holiday (business_id, last_date);
