-- The kind of an enrollment's program (rsi, rym; null for the others), from enrollment's
-- snapshots: a grade promotion is recorded only on an RSI enrollment.
ALTER TABLE enrollments ADD COLUMN program_kind text;

-- RSI grade promotions (DOMAIN.md, "Services"; WRPD guide, "RSI Grade Promotion"): a student's
-- grade was promoted on a date, reported by the organization with the RSI provider's agency type.
CREATE TABLE grade_promotions (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  participant_id uuid NOT NULL,
  enrollment_id uuid NOT NULL REFERENCES enrollments (id),
  promotion_date date NOT NULL,
  provider_type text NOT NULL,
  comment text,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  -- a student is promoted at most once on a date, whatever the enrollment; two racing requests
  -- meet here
  CONSTRAINT grade_promotions_once_a_day UNIQUE (participant_id, promotion_date)
);
-- a participant's promotions, newest first (the list's order and cursor)
CREATE INDEX grade_promotions_participant
  ON grade_promotions (participant_id, promotion_date DESC, id DESC);
