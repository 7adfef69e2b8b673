-- What enrollment made of each imported enrollment (`enrollment.hmis-enrollment.settled`):
-- recorded as our enrollment, or refused with its reason. Keyed by the importer's organization,
-- the import and the EnrollmentID: the first answer is kept, a replay changes nothing. An
-- announced enrollment with no row here is pending.
CREATE TABLE hmis_imported_enrollment_outcomes (
  org_id        uuid NOT NULL,
  import_id     uuid NOT NULL REFERENCES hmis_imports,
  enrollment_id text NOT NULL,
  outcome       text NOT NULL CHECK (outcome IN ('recorded', 'refused')),
  recorded_as   uuid,
  reason        text,
  PRIMARY KEY (org_id, import_id, enrollment_id)
);
