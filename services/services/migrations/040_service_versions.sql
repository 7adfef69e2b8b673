-- Goal and barrier a service is associated with (DOMAIN.md, "Services"): the ids of the FSSP
-- service's goals and barriers, kept as given until that service publishes them.
-- copied_from_id names the original a copy was made from (a copy of a copy names the original).
ALTER TABLE services
  ADD COLUMN goal_id uuid,
  ADD COLUMN barrier_id uuid,
  ADD COLUMN copied_from_id uuid REFERENCES services (id);

-- Edit history: each edit and delete keeps the version it replaced, in the same transaction,
-- with who replaced it and when. `fields` is the record as it was (the API's names).
CREATE TABLE service_versions (
  service_id uuid NOT NULL REFERENCES services (id),
  version integer NOT NULL,
  change text NOT NULL CHECK (change IN ('edited', 'deleted')),
  changed_at timestamptz NOT NULL,
  changed_by uuid NOT NULL,
  fields jsonb NOT NULL,
  PRIMARY KEY (service_id, version)
);
