-- Transactional outbox: written in the same transaction as the state change it announces.
CREATE TABLE outbox (
  seq             bigserial PRIMARY KEY,
  id              uuid NOT NULL UNIQUE,
  routing_key     text NOT NULL,
  envelope        jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  sent_at         timestamptz
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at, seq) WHERE sent_at IS NULL;

-- Idempotent consumers: an event's effect and this row commit together, so a redelivery is a no-op.
CREATE TABLE processed_events (
  consumer     text NOT NULL,
  event_id     uuid NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
