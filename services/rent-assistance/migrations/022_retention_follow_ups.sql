-- Each retention follow-up due announced once: the daily job inserts here and publishes only what
-- it inserted.
CREATE TABLE retention_announcements (
  enrollment_id uuid NOT NULL REFERENCES ra_records (enrollment_id),
  type text NOT NULL CHECK (type IN ('six_month_retention', 'twelve_month_retention')),
  announced_at timestamptz NOT NULL,
  PRIMARY KEY (enrollment_id, type)
);
