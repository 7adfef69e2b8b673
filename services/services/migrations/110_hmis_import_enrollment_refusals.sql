-- What enrollment made of an imported enrollment now comes as its settled answer, refusals too
-- (enrollment.hmis-enrollment.settled v2): a refused one is kept with enrollment's reason, so its
-- services are refused with it instead of waiting forever.
ALTER TABLE hmis_import_enrollments
  ALTER COLUMN recorded_as DROP NOT NULL,
  ALTER COLUMN participant_id DROP NOT NULL,
  ADD COLUMN refused_reason text,
  ADD CONSTRAINT hmis_import_enrollments_settled
    CHECK ((recorded_as IS NOT NULL AND participant_id IS NOT NULL) <> (refused_reason IS NOT NULL));
