-- An Exit.csv row a later import brought for an enrollment an earlier import carried onward
-- (reporting.hmis-exit.imported). Keyed by the importer's organization and the sender's ExitID,
-- so a replay finds its row and does nothing. recorded: the exit was recorded on what the
-- enrollment became; joined: the enrollment was still pending, the exit is recorded with it;
-- refused: `reason` says why and nothing of it was written.
CREATE TABLE hmis_import_exits (
  org_id        uuid NOT NULL,
  exit_id       text NOT NULL,
  export_id     text NOT NULL,
  enrollment_id text NOT NULL,
  import_id     uuid NOT NULL,
  data          jsonb NOT NULL,
  state         text NOT NULL CHECK (state IN ('recorded', 'joined', 'refused')),
  reason        text,
  received_at   timestamptz NOT NULL,
  PRIMARY KEY (org_id, exit_id)
);
