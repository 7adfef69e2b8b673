-- Which HUD element sets a program requires at each data collection stage (a supervisor's
-- configuration, started from a funding source's preset); no row: nothing is required.
CREATE TABLE program_assessment_requirements (
  program_id          uuid PRIMARY KEY REFERENCES programs,
  preset              text,
  stages              jsonb NOT NULL,
  version             integer NOT NULL DEFAULT 1,
  updated_by_user_id  uuid NOT NULL,
  updated_at          timestamptz NOT NULL DEFAULT now()
);
