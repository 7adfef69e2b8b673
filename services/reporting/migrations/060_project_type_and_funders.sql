-- HUD's project type and the program's funders from enrollment's program events, for Project.csv's
-- ProjectType and Funder.csv (one row per funder). An event made before programs held them
-- carries neither: no type, no funders, as exported before.
ALTER TABLE hmis_projects
  ADD COLUMN project_type smallint,
  ADD COLUMN funders jsonb NOT NULL DEFAULT '[]';
