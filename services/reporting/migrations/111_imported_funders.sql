-- Funder.csv as an import keeps it (README, "Import"): the grants of the importer's imported
-- projects, keyed by the importer's organization and the sender's FunderID, with HUD's stamps
-- (a later export's newer row replaces it, DateDeleted marks it deleted), exported back as it came.
CREATE TABLE hmis_imported_funders (
  org_id       uuid NOT NULL,
  funder_id    text NOT NULL,
  import_id    uuid NOT NULL REFERENCES hmis_imports,
  project_id   text NOT NULL,
  funder       smallint NOT NULL,
  other_funder text,
  grant_id     text NOT NULL,
  start_date   date NOT NULL,
  end_date     date,
  date_created timestamp NOT NULL,
  date_updated timestamp NOT NULL,
  date_deleted timestamp,
  PRIMARY KEY (org_id, funder_id)
);
CREATE INDEX ON hmis_imported_funders (org_id, project_id);
