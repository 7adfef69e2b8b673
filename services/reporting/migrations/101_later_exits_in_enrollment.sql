-- What enrollment made of each exit a later import announced for an earlier import's enrollment
-- (`enrollment.hmis-exit.settled`): recorded, with its enrollment (still pending there), or
-- refused with the reason. Keyed by organization, the later import and the ExitID: the first
-- answer is kept, a replay changes nothing.
CREATE TABLE hmis_imported_exit_outcomes (
  org_id    uuid NOT NULL,
  import_id uuid NOT NULL REFERENCES hmis_imports,
  exit_id   text NOT NULL,
  outcome   text NOT NULL CHECK (outcome IN ('recorded', 'with_enrollment', 'refused')),
  reason    text,
  PRIMARY KEY (org_id, import_id, exit_id)
);
