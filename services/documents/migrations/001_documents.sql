-- documents's first table. Migrations are numbered and forward-only: never edit one that ran,
-- add the next number instead.
CREATE TABLE documents_records (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  participant_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_records_participant ON documents_records (participant_id, created_at);
