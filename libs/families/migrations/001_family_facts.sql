-- Families as intake last described them (intake.family.changed: one whole snapshot per family).
-- last_event_at is the occurredAt of the snapshot applied: an older one delivered late is ignored.
CREATE TABLE family_facts (
  family_id           uuid PRIMARY KEY,
  head_participant_id uuid NOT NULL,
  last_event_at       timestamptz NOT NULL
);
CREATE TABLE family_fact_members (
  family_id         uuid NOT NULL REFERENCES family_facts ON DELETE CASCADE,
  participant_id    uuid NOT NULL,
  -- to the family's head, as intake records it
  relationship      text NOT NULL,
  -- intake marks one family a person's current one; they may appear in others (a past household)
  is_current_family boolean NOT NULL,
  PRIMARY KEY (family_id, participant_id)
);
CREATE INDEX family_fact_members_participant ON family_fact_members (participant_id);
