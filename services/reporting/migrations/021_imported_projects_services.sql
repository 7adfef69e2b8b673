-- The other HMIS CSV files an import keeps (README, "Import"): Organization, Project (the
-- importer's programs as HUD described them), Services; each keyed by the importer's organization
-- and the sender's HUD id, so the same row again is held, not duplicated.

CREATE TABLE hmis_imported_organizations (
  org_id                  uuid NOT NULL,
  organization_id         text NOT NULL,
  import_id               uuid NOT NULL REFERENCES hmis_imports,
  name                    text NOT NULL,
  victim_service_provider smallint NOT NULL,
  date_created            timestamp NOT NULL,
  date_updated            timestamp NOT NULL,
  PRIMARY KEY (org_id, organization_id)
);

CREATE TABLE hmis_imported_projects (
  org_id               uuid NOT NULL,
  project_id           text NOT NULL,
  import_id            uuid NOT NULL REFERENCES hmis_imports,
  organization_id      text NOT NULL,
  name                 text NOT NULL,
  operating_start_date date NOT NULL,
  operating_end_date   date,
  continuum_project    smallint NOT NULL,
  project_type         smallint NOT NULL,
  date_created         timestamp NOT NULL,
  date_updated         timestamp NOT NULL,
  PRIMARY KEY (org_id, project_id)
);

CREATE TABLE hmis_imported_services (
  org_id          uuid NOT NULL,
  services_id     text NOT NULL,
  import_id       uuid NOT NULL REFERENCES hmis_imports,
  enrollment_id   text NOT NULL,
  personal_id     text NOT NULL,
  date_provided   date NOT NULL,
  record_type     smallint NOT NULL,
  type_provided   smallint NOT NULL,
  -- FAAmount of the financial-assistance record types, in cents
  fa_amount_cents integer,
  date_created    timestamp NOT NULL,
  date_updated    timestamp NOT NULL,
  PRIMARY KEY (org_id, services_id)
);

-- Client.csv's data quality, for exporting what was imported as it came (null: imported before)
ALTER TABLE hmis_imported_clients
  ADD COLUMN name_data_quality smallint,
  ADD COLUMN dob_data_quality smallint;
