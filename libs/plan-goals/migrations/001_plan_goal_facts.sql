-- FSSP goals as fssp last described them (fssp.goal.added / fssp.goal.updated: the whole goal each
-- time). version is the goal's own: an older one delivered late is ignored.
CREATE TABLE plan_goal_facts (
  goal_id         uuid PRIMARY KEY,
  org_id          uuid NOT NULL,
  plan_id         uuid NOT NULL,
  -- whom the goal is for: one participant, or every member a family goal lists
  participant_ids uuid[] NOT NULL,
  -- the goal's barriers: a barrier is always one goal's
  barrier_ids     uuid[] NOT NULL,
  is_open         boolean NOT NULL,
  version         integer NOT NULL
);
CREATE INDEX plan_goal_facts_participants ON plan_goal_facts USING gin (participant_ids);
CREATE INDEX plan_goal_facts_barriers ON plan_goal_facts USING gin (barrier_ids);
