-- reporting's first table. Migrations are numbered and forward-only: never edit one that ran,
-- add the next number instead.
CREATE TABLE reporting_records (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  participant_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reporting_records_participant ON reporting_records (participant_id, created_at);
