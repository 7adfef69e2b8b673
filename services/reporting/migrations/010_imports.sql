-- HUD HMIS CSV FY2026 imports (README, "Import"). Imported rows are kept apart from the event-fed
-- read model: a rebuild from the event journal empties that model, never what was imported.

-- One per zip an organization imported: the same zip again (its SHA-256) is that import again.
CREATE TABLE hmis_imports (
  import_id    uuid PRIMARY KEY,
  org_id       uuid NOT NULL,
  imported_by  uuid NOT NULL,
  zip_sha256   text NOT NULL,
  export_id    text NOT NULL,
  -- per file: rows read, accepted (new), already held (an earlier import's), refused
  counts       jsonb NOT NULL,
  -- every refused row: file, row (1 = the first after the header), column, why
  refusals     jsonb NOT NULL,
  created_at   timestamptz NOT NULL,
  UNIQUE (org_id, zip_sha256)
);

-- Client.csv as HUD sent it, keyed by the sender's PersonalID within the importer's organization.
CREATE TABLE hmis_imported_clients (
  org_id        uuid NOT NULL,
  personal_id   text NOT NULL,
  import_id     uuid NOT NULL REFERENCES hmis_imports,
  first_name    text,
  last_name     text,
  dob           date,
  sex           smallint,
  veteran_status smallint,
  date_created  timestamp NOT NULL,
  date_updated  timestamp NOT NULL,
  PRIMARY KEY (org_id, personal_id)
);

CREATE TABLE hmis_imported_enrollments (
  org_id              uuid NOT NULL,
  enrollment_id       text NOT NULL,
  import_id           uuid NOT NULL REFERENCES hmis_imports,
  personal_id         text NOT NULL,
  project_id          text NOT NULL,
  household_id        text NOT NULL,
  entry_date          date NOT NULL,
  relationship_to_hoh smallint NOT NULL,
  date_created        timestamp NOT NULL,
  date_updated        timestamp NOT NULL,
  PRIMARY KEY (org_id, enrollment_id)
);

CREATE TABLE hmis_imported_exits (
  org_id        uuid NOT NULL,
  exit_id       text NOT NULL,
  import_id     uuid NOT NULL REFERENCES hmis_imports,
  enrollment_id text NOT NULL,
  personal_id   text NOT NULL,
  exit_date     date NOT NULL,
  destination   smallint NOT NULL,
  date_created  timestamp NOT NULL,
  date_updated  timestamp NOT NULL,
  PRIMARY KEY (org_id, exit_id)
);
