-- HUD's project type (2.02.6) and the grants paying for a program (2.06.1 Funder, grant id,
-- dates), for reporting's Project.csv and Funder.csv. Optional: a program that is not an HMIS
-- project (RSI, workforce) has neither. The funders are the program's whole list, replaced on
-- each change, so they live on the program's row and move with its version.
ALTER TABLE programs
  ADD COLUMN project_type smallint CHECK (project_type IN (0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14)),
  ADD COLUMN funders jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(funders) = 'array');
