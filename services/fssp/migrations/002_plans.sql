-- The generator's placeholder table: the plans below replace it.
DROP TABLE fssp_records;

-- Enrollment's events, as far as a plan needs them: who an enrollment covers and whether it is
-- still active (services keeps a larger model with programs and statuses for its own rules).
CREATE TABLE enrollments (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  head_participant_id uuid NOT NULL,
  application_date date NOT NULL,
  exit_date date,
  snapshot_at timestamptz NOT NULL
);
CREATE TABLE enrollment_members (
  enrollment_id uuid NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
  participant_id uuid NOT NULL,
  PRIMARY KEY (enrollment_id, participant_id)
);
CREATE INDEX enrollment_members_participant ON enrollment_members (participant_id);

-- The services service's case notes, ids only: an exclusion names one of the member's notes.
CREATE TABLE case_notes (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL,
  org_id uuid NOT NULL,
  deleted boolean NOT NULL,
  version integer NOT NULL
);

CREATE TABLE plans (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  family_id uuid,
  head_participant_id uuid NOT NULL,
  enrollment_id uuid NOT NULL,
  assessment_date date NOT NULL,
  assessment_type text NOT NULL,
  six_month_follow_up_date date NOT NULL,
  twelve_month_follow_up_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX plans_head ON plans (head_participant_id, assessment_date);
CREATE INDEX plans_family ON plans (family_id, assessment_date);

-- Everyone a plan names, included or not. "One open plan per participant and per family" lives
-- here as partial unique indexes, so two concurrent creations cannot both succeed; plan_open
-- mirrors plans.status (both change in the transaction that closes a plan).
CREATE TABLE plan_members (
  plan_id uuid NOT NULL REFERENCES plans (id),
  participant_id uuid NOT NULL,
  family_id uuid,
  is_head boolean NOT NULL,
  included boolean NOT NULL,
  exclusion_reason text CHECK (exclusion_reason IN
    ('declines_all_services', 'not_able_to_be_contacted', 'already_recorded_separately')),
  case_note_id uuid,
  enrollment_id uuid,
  plan_open boolean NOT NULL,
  PRIMARY KEY (plan_id, participant_id),
  CHECK (included = (exclusion_reason IS NULL)),
  CHECK (included = (enrollment_id IS NOT NULL)),
  CHECK ((case_note_id IS NOT NULL) =
    (exclusion_reason IN ('declines_all_services', 'not_able_to_be_contacted')))
);
CREATE UNIQUE INDEX plan_members_one_open_per_participant ON plan_members (participant_id)
  WHERE plan_open AND included;
CREATE UNIQUE INDEX plan_members_one_open_per_family ON plan_members (family_id)
  WHERE plan_open AND is_head AND family_id IS NOT NULL;
