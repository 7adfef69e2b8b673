-- An HMIS CSV import's Services.csv rows (reporting.hmis-service.imported) and what enrollment
-- made of each imported enrollment (enrollment.hmis-enrollment.recorded): they arrive in any
-- order, so a service is kept pending until its enrollment is known. Keyed by the importer's
-- organization, ExportID and the sender's id, so a replay finds its row and does nothing.
CREATE TABLE hmis_import_enrollments (
  org_id         uuid NOT NULL,
  export_id      text NOT NULL,
  enrollment_id  text NOT NULL,
  recorded_as    uuid NOT NULL,
  participant_id uuid NOT NULL,
  -- the exit enrollment recorded with it: the read model must show it before a service is checked
  exit_date      date,
  PRIMARY KEY (org_id, export_id, enrollment_id)
);

CREATE TABLE hmis_import_services (
  org_id        uuid NOT NULL,
  export_id     text NOT NULL,
  services_id   text NOT NULL,
  enrollment_id text NOT NULL,
  import_id     uuid NOT NULL,
  -- the importer (envelope actor and roles): the service is recorded as theirs
  importer      jsonb NOT NULL,
  data          jsonb NOT NULL,
  -- pending: the enrollment's id not here yet; recorded: made through this service's rules;
  -- refused: those rules said no, `reason` says why and nothing of it was written
  state         text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'recorded', 'refused')),
  reason        text,
  recorded_as   uuid REFERENCES services,
  received_at   timestamptz NOT NULL,
  settled_at    timestamptz,
  PRIMARY KEY (org_id, export_id, services_id)
);
CREATE INDEX hmis_import_services_enrollment
  ON hmis_import_services (org_id, export_id, enrollment_id) WHERE state = 'pending';

-- A catalog type made for an imported program stands for one HUD RecordType / TypeProvided: the
-- mark that it is imported, and one per program and code pair.
ALTER TABLE service_types
  ADD COLUMN hud_record_type smallint,
  ADD COLUMN hud_type_provided smallint;
CREATE UNIQUE INDEX service_types_hud_code ON service_types (program_id, hud_record_type, hud_type_provided)
  WHERE hud_record_type IS NOT NULL;
