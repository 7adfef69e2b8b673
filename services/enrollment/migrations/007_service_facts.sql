-- What each enrollment knows of the services recorded on it (from services' recorded, updated and
-- deleted events), so an edit or a delete can re-derive the last qualifying service date and the
-- participation date. `version` is the service's; a deleted service stays deleted.
CREATE TABLE enrollment_service_facts (
  service_id            uuid PRIMARY KEY,
  enrollment_id         uuid NOT NULL,
  service_date          date NOT NULL,
  starts_participation  boolean NOT NULL,
  qualifying            boolean NOT NULL,
  deleted               boolean NOT NULL DEFAULT false,
  version               integer NOT NULL
);
CREATE INDEX enrollment_service_facts_enrollment ON enrollment_service_facts (enrollment_id);
