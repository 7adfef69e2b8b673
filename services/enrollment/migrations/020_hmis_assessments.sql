-- HUD's data collection for an enrollment member at a stage: the answers of each element set
-- (jsonb, validated against HUD's lists by the service), restricted like a case note.
CREATE TABLE hmis_assessments (
  id                          uuid PRIMARY KEY,
  enrollment_id               uuid NOT NULL REFERENCES enrollments,
  participant_id              uuid NOT NULL,
  org_id                      uuid NOT NULL,
  author_user_id              uuid NOT NULL,
  stage                       text NOT NULL
    CHECK (stage IN ('project_start', 'update', 'annual', 'exit', 'post_exit')),
  information_date            date NOT NULL,
  restriction                 text NOT NULL CHECK (restriction IN ('org', 'mou')),
  elements                    jsonb NOT NULL,
  total_monthly_income_cents  bigint,
  version                     integer NOT NULL DEFAULT 1,
  created_at                  timestamptz NOT NULL DEFAULT now(),
  updated_at                  timestamptz NOT NULL DEFAULT now()
);
-- HUD: one project-start and one exit assessment per member per enrollment, held here against races
CREATE UNIQUE INDEX hmis_assessments_one_start_one_exit
  ON hmis_assessments (enrollment_id, participant_id, stage)
  WHERE stage IN ('project_start', 'exit');
CREATE INDEX hmis_assessments_by_enrollment
  ON hmis_assessments (enrollment_id, information_date DESC, id DESC);

-- A correction keeps what the assessment said before: each earlier version, as it stood.
CREATE TABLE hmis_assessment_history (
  assessment_id     uuid NOT NULL REFERENCES hmis_assessments,
  version           integer NOT NULL,
  information_date  date NOT NULL,
  restriction       text NOT NULL,
  elements          jsonb NOT NULL,
  changed_by_user_id uuid NOT NULL,
  changed_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, version)
);
