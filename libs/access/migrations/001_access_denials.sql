-- Reads the access rules denied: who tried to see which participant, from which organization, and
-- why. Every service keeps its own, in its own database. IF NOT EXISTS: intake kept this table in
-- its own migrations before it was shared.
CREATE TABLE IF NOT EXISTS access_denials (
  id             bigserial PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT now(),
  user_id        uuid NOT NULL,
  org_id         uuid NOT NULL,
  participant_id uuid NOT NULL,
  action         text NOT NULL,
  reason         text NOT NULL,
  request_id     text
);
CREATE INDEX IF NOT EXISTS access_denials_participant ON access_denials (participant_id, at);
