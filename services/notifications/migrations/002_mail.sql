-- The address a user of an organization wants their notices mailed to (they opt in; identity's
-- events carry no address), with the first name a mail greets them by.
CREATE TABLE mail_addresses (
  org_id uuid NOT NULL,
  user_id uuid NOT NULL,
  email text NOT NULL,
  first_name text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, user_id)
);

-- The durable mail queue: written in the transaction of the notice, sent by the mail job, retried
-- with back-off until the server takes it; a row is never deleted, sent_at says it went.
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY,
  notice_id uuid NOT NULL REFERENCES notices (id),
  user_id uuid NOT NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (notice_id, user_id)
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
