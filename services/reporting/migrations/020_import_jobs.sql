-- Imports run as a queued job (README, "Import"): the request stores the upload and answers at
-- once; the reporting job imports it file by file, each file's rows in one transaction.

-- Imports made before jobs were complete when answered.
ALTER TABLE hmis_imports
  ADD COLUMN status text NOT NULL DEFAULT 'done'
    CHECK (status IN ('queued', 'running', 'done', 'refused')),
  -- the files whose rows committed: a job taken up again after a crash goes on from there
  ADD COLUMN landed text[] NOT NULL DEFAULT '{}',
  -- why a whole zip was refused by the job (an entry that cannot be read): title and errors[]
  ADD COLUMN problem jsonb,
  -- runs begun: an import that keeps failing (not its rows: the job itself) is refused, not
  -- retried ahead of every other import for ever
  -- who queued it, as the job acts for them once the request is gone (what it announces names them)
  ADD COLUMN importer_roles text[] NOT NULL DEFAULT '{}',
  ADD COLUMN importer_name text NOT NULL DEFAULT '',
  ADD COLUMN attempts int NOT NULL DEFAULT 0,
  ADD COLUMN started_at timestamptz,
  ADD COLUMN finished_at timestamptz;
ALTER TABLE hmis_imports ALTER COLUMN status DROP DEFAULT;

-- the job's queue: oldest first
CREATE INDEX hmis_imports_waiting ON hmis_imports (created_at) WHERE status IN ('queued', 'running');

-- The uploaded zip until its job ends, in 1 MB pieces: streamed in and out, never held whole.
CREATE TABLE hmis_import_uploads (
  import_id uuid NOT NULL REFERENCES hmis_imports ON DELETE CASCADE,
  piece     int NOT NULL,
  bytes     bytea NOT NULL,
  PRIMARY KEY (import_id, piece)
);
