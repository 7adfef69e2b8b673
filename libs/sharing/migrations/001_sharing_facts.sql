-- Who may see a participant, as intake last announced it: one row per participant holding the
-- whole sharing state of the newest version received. No row means the participant is invisible.
CREATE TABLE sharing_facts (
  participant_id       uuid PRIMARY KEY,
  owner_org_id         uuid NOT NULL,
  security_restriction text NOT NULL,
  releases             jsonb NOT NULL,
  sharing_version      bigint NOT NULL,
  received_at          timestamptz NOT NULL DEFAULT now()
);
