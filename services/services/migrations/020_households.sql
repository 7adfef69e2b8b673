-- Households as intake last described them (intake.family.changed, one snapshot per family), so a
-- family service reaches the members of an enrollment who live in its head's current household.
-- last_event_at is the occurredAt of the snapshot applied: an older one delivered late is ignored.
CREATE TABLE households (
  family_id           uuid PRIMARY KEY,
  head_participant_id uuid NOT NULL,
  last_event_at       timestamptz NOT NULL
);
CREATE TABLE household_members (
  family_id         uuid NOT NULL REFERENCES households ON DELETE CASCADE,
  participant_id    uuid NOT NULL,
  is_current_family boolean NOT NULL,
  PRIMARY KEY (family_id, participant_id)
);
CREATE INDEX household_members_participant ON household_members (participant_id);
