-- What the testkit's own tests' consumers write: one row per consumer per event handled.
CREATE TABLE effects (
  consumer text NOT NULL,
  event_id uuid NOT NULL
);
