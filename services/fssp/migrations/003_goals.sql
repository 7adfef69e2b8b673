-- A plan's goals. A family goal is one row with several members, so an update through any of
-- them is an update for all.
CREATE TABLE goals (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES plans (id),
  org_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('individual', 'family')),
  category text NOT NULL,
  goal text NOT NULL,
  start_date date NOT NULL,
  target_date date NOT NULL CHECK (target_date >= start_date),
  strengths text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX goals_plan ON goals (plan_id);
CREATE TABLE goal_members (
  goal_id uuid NOT NULL REFERENCES goals (id),
  participant_id uuid NOT NULL,
  PRIMARY KEY (goal_id, participant_id)
);
CREATE INDEX goal_members_participant ON goal_members (participant_id);
-- Barriers have ids: a service record or a referral may name one as its associated barrier.
CREATE TABLE barriers (
  id uuid PRIMARY KEY,
  goal_id uuid NOT NULL REFERENCES goals (id),
  position integer NOT NULL,
  description text NOT NULL,
  UNIQUE (goal_id, position)
);
CREATE TABLE action_steps (
  goal_id uuid NOT NULL REFERENCES goals (id),
  position integer NOT NULL,
  text text NOT NULL,
  due_date date NOT NULL,
  done_date date,
  PRIMARY KEY (goal_id, position)
);
