-- Project.csv's other columns an import keeps as they came (HUD's 2.02 codes, checked against
-- HUD's lists), so the round trip gives them back. Null: the sender left them empty, or the row was
-- imported before they were kept.
ALTER TABLE hmis_imported_projects
  ADD COLUMN project_common_name text,
  ADD COLUMN housing_type smallint,
  ADD COLUMN rrh_sub_type smallint,
  ADD COLUMN residential_affiliation smallint,
  ADD COLUMN target_population smallint,
  ADD COLUMN hopwa_med_assisted_living_fac smallint,
  ADD COLUMN pit_count integer;
