-- An HMIS CSV import's enrollments (reporting.hmis-enrollment.imported) and intake's answer for
-- each imported client (intake.hmis-client.matched): they arrive in any order, so each is kept
-- until both are here. Keyed by the importer's organization, ExportID and the sender's id, so a
-- replay finds its row and does nothing.
CREATE TABLE hmis_import_enrollments (
  org_id         uuid NOT NULL,
  export_id      text NOT NULL,
  enrollment_id  text NOT NULL,
  personal_id    text NOT NULL,
  import_id      uuid NOT NULL,
  -- the importer (envelope actor and roles): the enrollment is recorded as theirs
  importer       jsonb NOT NULL,
  data           jsonb NOT NULL,
  -- pending: intake's answer not here yet; recorded: made through enrollment's rules; refused:
  -- those rules (or intake) said no, `reason` says why and nothing of it was written
  state          text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'recorded', 'refused')),
  reason         text,
  recorded_as    uuid REFERENCES enrollments,
  received_at    timestamptz NOT NULL,
  settled_at     timestamptz,
  PRIMARY KEY (org_id, export_id, enrollment_id)
);
CREATE INDEX hmis_import_enrollments_client ON hmis_import_enrollments (org_id, export_id, personal_id);

CREATE TABLE hmis_import_client_matches (
  org_id         uuid NOT NULL,
  export_id      text NOT NULL,
  personal_id    text NOT NULL,
  outcome        text NOT NULL,
  participant_id uuid,
  reason         text,
  PRIMARY KEY (org_id, export_id, personal_id)
);

-- The program an imported project became: one per organization and the sender's ProjectID.
CREATE TABLE hmis_imported_programs (
  org_id     uuid NOT NULL,
  project_id text NOT NULL,
  program_id uuid NOT NULL REFERENCES programs,
  PRIMARY KEY (org_id, project_id)
);
