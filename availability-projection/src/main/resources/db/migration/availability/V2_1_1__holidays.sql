-- The holidays of each business: local dates (first to last, inclusive) of its home zone (business_view.zone).
CREATE TABLE holiday_view (
    business_id UUID         NOT NULL,
    holiday_id  UUID         NOT NULL,
    name        VARCHAR(200) NOT NULL,
    first_date  DATE         NOT NULL,
    last_date   DATE         NOT NULL,
    PRIMARY KEY (business_id, holiday_id)
);
CREATE INDEX holiday_view_business_last ON holiday_view (business_id, last_date);
