-- Families (households): members with their relationship to the head, kept as history.
CREATE TABLE families (
  id             uuid PRIMARY KEY,
  created_by_org uuid NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- One row per stay in a family: leaving sets left_on, re-joining adds a new row, so the rows of a
-- participant are their family history.
CREATE TABLE family_members (
  id                bigserial PRIMARY KEY,
  family_id         uuid NOT NULL REFERENCES families (id),
  participant_id    uuid NOT NULL REFERENCES participants (id),
  relationship      text NOT NULL CHECK (relationship IN ('head_of_household', 'spouse', 'partner',
    'child', 'stepchild', 'parent', 'sibling', 'grandchild', 'grandparent', 'other_relative',
    'non_relative')),
  joined_on         date NOT NULL,
  left_on           date CHECK (left_on >= joined_on),
  is_current_family boolean NOT NULL DEFAULT true,
  -- a member who left is no longer anyone's current family
  CHECK (left_on IS NULL OR NOT is_current_family)
);

-- At most one head among active members (the domain makes it exactly one while members remain).
CREATE UNIQUE INDEX family_members_one_head ON family_members (family_id)
  WHERE relationship = 'head_of_household' AND left_on IS NULL;
-- A participant is an active member of a family at most once.
CREATE UNIQUE INDEX family_members_active ON family_members (family_id, participant_id)
  WHERE left_on IS NULL;
-- A participant has at most one current family.
CREATE UNIQUE INDEX family_members_current ON family_members (participant_id)
  WHERE is_current_family AND left_on IS NULL;
CREATE INDEX family_members_participant ON family_members (participant_id);
