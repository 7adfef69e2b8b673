-- Follow-ups and revisions: later assessments of the same plan, each re-scoring its goals.
CREATE TABLE plan_assessments (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES plans (id),
  assessment_type text NOT NULL CHECK (assessment_type IN ('six_month', 'twelve_month', 'revision')),
  assessment_date date NOT NULL,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
-- one 6-month and one 12-month follow-up per plan; revisions as needed
CREATE UNIQUE INDEX plan_assessments_one_follow_up ON plan_assessments (plan_id, assessment_type)
  WHERE assessment_type IN ('six_month', 'twelve_month');
ALTER TABLE goal_scores ADD COLUMN assessment_id uuid REFERENCES plan_assessments (id);
ALTER TABLE plans ADD COLUMN closed_on date;

-- Each due follow-up announced once: the job inserts here and publishes only what it inserted.
CREATE TABLE follow_up_announcements (
  plan_id uuid NOT NULL REFERENCES plans (id),
  follow_up text NOT NULL CHECK (follow_up IN ('six_month', 'twelve_month')),
  announced_at timestamptz NOT NULL,
  PRIMARY KEY (plan_id, follow_up)
);
