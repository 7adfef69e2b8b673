-- Enrollment.csv's DisablingCondition as it came (HUD's 1.8 list), so the round trip gives it back.
-- NULL: the sender left it empty, or the row was imported before it was kept.
ALTER TABLE hmis_imported_enrollments ADD COLUMN disabling_condition smallint;
