-- Notices (the bell). Migrations are numbered and forward-only: never edit one that ran, add the
-- next number instead.
-- A notice goes to one user of an organization (user_id) or to every user of it (user_id NULL).
-- It names the record it is about (a referral, a plan) and the participant, whose sharing decides
-- at read time whether the reader is shown who it is about.
CREATE TABLE notices (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  user_id uuid,
  kind text NOT NULL,
  title text NOT NULL,
  record_type text NOT NULL,
  record_id uuid NOT NULL,
  participant_id uuid,
  -- the event it came from: one notice per event, whatever the redeliveries
  source_event_id uuid NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);
CREATE INDEX notices_recipient ON notices (org_id, created_at DESC, id DESC);

-- Read per reader: an organization's notice is read by each of its users on their own.
CREATE TABLE notice_reads (
  notice_id uuid NOT NULL REFERENCES notices (id),
  user_id uuid NOT NULL,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (notice_id, user_id)
);
