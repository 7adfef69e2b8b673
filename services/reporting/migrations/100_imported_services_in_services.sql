-- What the services service made of each imported service (`services.hmis-service.settled`):
-- recorded as our service, or refused with its reason. Keyed by the importer's organization, the
-- import and the ServicesID: the first answer is kept, a replay changes nothing. An announced
-- service with no row here is awaiting its answer.
CREATE TABLE hmis_imported_service_outcomes (
  org_id      uuid NOT NULL,
  import_id   uuid NOT NULL REFERENCES hmis_imports,
  services_id text NOT NULL,
  outcome     text NOT NULL CHECK (outcome IN ('recorded', 'refused')),
  recorded_as uuid,
  reason      text,
  PRIMARY KEY (org_id, import_id, services_id)
);
