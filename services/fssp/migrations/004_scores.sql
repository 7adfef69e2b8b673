-- Every score a goal was given, never overwritten: the history is the progress.
CREATE TABLE goal_scores (
  id uuid PRIMARY KEY,
  goal_id uuid NOT NULL REFERENCES goals (id),
  score_date date NOT NULL,
  score smallint NOT NULL CHECK (score BETWEEN 0 AND 3),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  -- the order scores of one day were given in, so "first" and "latest" are never a tie
  seq bigserial NOT NULL
);
CREATE INDEX goal_scores_goal ON goal_scores (goal_id, score_date, seq);
