-- The key of manage-booking links when none is configured: generated once by the first node that needs it, then
-- shared by all nodes and kept across restarts. Never leaves the database through the API.
CREATE TABLE manage_link_secret (
    id         SMALLINT    NOT NULL PRIMARY KEY CHECK (id = 1),
    secret     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
