-- The rest of HUD's project information from enrollment's program events (FY2026 2.02, 2.03.1),
-- for Project.csv and ProjectCoC.csv. Null: the program does not say it, or its last event was
-- made before programs held it (exported as HUD allows: empty, ContinuumProject 0).
ALTER TABLE hmis_projects
  ADD COLUMN continuum_project boolean,
  ADD COLUMN housing_type smallint,
  ADD COLUMN rrh_sub_type smallint,
  ADD COLUMN residential_affiliation boolean,
  ADD COLUMN target_population smallint,
  ADD COLUMN hopwa_med_assisted_living_fac smallint,
  ADD COLUMN coc_code text;
