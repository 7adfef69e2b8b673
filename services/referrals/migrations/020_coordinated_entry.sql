-- Coordinated entry (DOMAIN.md, "Referrals and coordinated entry"; the CE quick reference):
-- scored assessments, housing queues ordered by configuration, provider vacancies. A match is a
-- referral of migration 002 with queue_entry_id and vacancy_id: its unique indexes hold "one open
-- referral per entry" and "one reservation per vacancy".

-- A questionnaire as data. Editing adds the next version; answers keep the version they answered.
CREATE TABLE assessment_definitions (
  id uuid NOT NULL,
  version integer NOT NULL,
  name text NOT NULL,
  -- [{ id, label, options: [{ value, label, points }] }]
  questions jsonb NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

-- One assessment of a participant: the answers as asked (question ids and labels, answer values
-- and points) and the score, so HUD's Assessment/AssessmentQuestions/AssessmentResults export them.
CREATE TABLE assessments (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL,
  org_id uuid NOT NULL,
  assessed_by uuid NOT NULL,
  definition_id uuid NOT NULL,
  definition_version integer NOT NULL,
  assessment_date date NOT NULL,
  score integer NOT NULL,
  answers jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  FOREIGN KEY (definition_id, definition_version) REFERENCES assessment_definitions (id, version)
);
CREATE INDEX assessments_latest ON assessments (participant_id, assessment_date DESC, created_at DESC);

-- A by-name list and how it is prioritized: [{ factor, direction }], factors from a whitelist.
CREATE TABLE housing_queues (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  ordering jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- waiting: on the queue; referred: an open referral holds a vacancy for them; placed / removed:
-- off the queue. A rejection puts a referred entry back to waiting and keeps why.
CREATE TABLE queue_entries (
  id uuid PRIMARY KEY,
  queue_id uuid NOT NULL REFERENCES housing_queues (id),
  participant_id uuid NOT NULL,
  assessment_id uuid NOT NULL REFERENCES assessments (id),
  score integer NOT NULL,
  homeless_since date NOT NULL,
  household_size integer NOT NULL CHECK (household_size BETWEEN 1 AND 30),
  needs text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'waiting'
    CHECK (status IN ('waiting', 'referred', 'placed', 'removed')),
  added_at timestamptz NOT NULL,
  added_by uuid NOT NULL,
  added_by_org_id uuid NOT NULL,
  last_rejection_reason text,
  last_rejected_at timestamptz,
  left_at timestamptz,
  removal_reason text
);
-- a person is on a queue once at a time
CREATE UNIQUE INDEX queue_entries_one_per_person ON queue_entries (queue_id, participant_id)
  WHERE status IN ('waiting', 'referred');
CREATE INDEX queue_entries_default_order ON queue_entries
  (queue_id, score DESC, homeless_since ASC, added_at ASC, id ASC) WHERE status IN ('waiting', 'referred');

-- A unit a provider organization offers. reserved: referral_id is the open referral holding it.
CREATE TABLE vacancies (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  program text NOT NULL,
  unit_type text NOT NULL,
  household_size integer NOT NULL CHECK (household_size BETWEEN 1 AND 30),
  eligibility_notes text NOT NULL DEFAULT '',
  available_from date NOT NULL,
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'reserved', 'filled')),
  referral_id uuid REFERENCES referrals (id),
  reserved_at timestamptz,
  posted_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK ((status = 'available') = (referral_id IS NULL))
);
CREATE INDEX vacancies_by_date ON vacancies (available_from, id);
-- an entry's current referral (the queue shows it) and a vacancy's, by their ids
CREATE INDEX referrals_by_queue_entry ON referrals (queue_entry_id, created_at DESC, id DESC)
  WHERE queue_entry_id IS NOT NULL;

-- The default queue (score, then time homeless, then date added) and a generic vulnerability
-- index to start from; both are data a ce_manager changes.
INSERT INTO housing_queues (id, name, ordering) VALUES
  ('00000000-0000-4000-8000-00000000c001', 'Community queue',
   '[{"factor":"score","direction":"desc"},{"factor":"days_homeless","direction":"desc"},{"factor":"date_added","direction":"asc"}]');
INSERT INTO assessment_definitions (id, version, name, questions) VALUES
  ('00000000-0000-4000-8000-00000000a001', 1, 'Housing vulnerability index', '[
    {"id":"sleeping","label":"Where did you sleep most nights in the last week?","options":[
      {"value":"shelter","label":"Emergency shelter","points":1},
      {"value":"unsheltered","label":"Outdoors, a car or a place not meant for sleeping","points":3},
      {"value":"doubled_up","label":"With family or friends","points":0}]},
    {"id":"health","label":"Do you have a chronic health condition or disability?","options":[
      {"value":"no","label":"No","points":0},{"value":"yes","label":"Yes","points":2}]},
    {"id":"emergency_visits","label":"Emergency room visits in the last six months","options":[
      {"value":"none","label":"None","points":0},{"value":"one_to_three","label":"1 to 3","points":1},
      {"value":"four_or_more","label":"4 or more","points":2}]},
    {"id":"safety","label":"Have you been attacked or harmed since becoming homeless?","options":[
      {"value":"no","label":"No","points":0},{"value":"yes","label":"Yes","points":2},
      {"value":"refused","label":"Prefers not to answer","points":0}]}
  ]');
