-- The rest of what HUD's Project.csv and ProjectCoC.csv ask of a program (FY2026 2.02, 2.03.1),
-- set by a supervisor: whether it is a continuum project (2.02.5, No until said), its housing type
-- (2.02.D), RRH subtype (2.02.A), residential affiliation (2.02.B), target population (2.02.7),
-- HOPWA medically assisted living facility (2.02.8) and its CoC code (2.03.1). Null: not said;
-- which apply to which project type is the domain's rule (src/domain/hud-project.ts).
ALTER TABLE programs
  ADD COLUMN continuum_project boolean NOT NULL DEFAULT false,
  ADD COLUMN housing_type smallint CHECK (housing_type IN (1, 2, 3)),
  ADD COLUMN rrh_sub_type smallint CHECK (rrh_sub_type IN (1, 2)),
  ADD COLUMN residential_affiliation boolean,
  ADD COLUMN target_population smallint CHECK (target_population IN (1, 3, 4)),
  ADD COLUMN hopwa_med_assisted_living_fac smallint CHECK (hopwa_med_assisted_living_fac IN (0, 1)),
  ADD COLUMN coc_code text CHECK (coc_code ~ '^[A-Z]{2}-[0-9]{3}$');
