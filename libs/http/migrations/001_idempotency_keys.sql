-- Idempotency-Key (ARCHITECTURE.md, "API shape"): the answer to a write, kept per actor and key so a
-- retry gets it again instead of writing twice. The row is taken in the transaction of the write,
-- so a concurrent retry waits on the primary key and then reads the committed answer; a write that
-- fails rolls its row back with it, leaving the key free. Kept 24 hours (see idempotency.ts).
CREATE TABLE idempotency_keys (
  actor_id     uuid NOT NULL,
  key          text NOT NULL,
  request_hash text NOT NULL,
  status       integer,
  body         jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
