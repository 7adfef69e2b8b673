-- More of intake's facts, kept from its events: what eligibility rules and the access rules need.
-- Each row remembers the time of the event it came from, so an older event never overwrites a newer one.
ALTER TABLE participant_facts
  ADD COLUMN immigration_status text,
  ADD COLUMN us_arrival_date date;

-- Information releases (ROI / MOU): who may see a share_mou participant besides the owner organization.
CREATE TABLE participant_releases (
  release_id     uuid PRIMARY KEY,
  participant_id uuid NOT NULL,
  to_org_id      uuid NOT NULL,
  begin_date     date NOT NULL,
  end_date       date NOT NULL,
  revoked_at     timestamptz,
  last_event_at  timestamptz NOT NULL
);
CREATE INDEX participant_releases_participant ON participant_releases (participant_id);

-- Families as intake last described them (a snapshot per family): "member must be in the head's family".
CREATE TABLE families (
  family_id           uuid PRIMARY KEY,
  head_participant_id uuid NOT NULL,
  last_event_at       timestamptz NOT NULL
);
CREATE TABLE family_members (
  family_id         uuid NOT NULL REFERENCES families ON DELETE CASCADE,
  participant_id    uuid NOT NULL,
  relationship      text NOT NULL,
  is_current_family boolean NOT NULL,
  PRIMARY KEY (family_id, participant_id)
);
CREATE INDEX family_members_participant ON family_members (participant_id);
