-- An HMIS import's project information (reporting.hmis-project.imported: Project.csv's 2.02 codes
-- and its Funder.csv rows), kept by the importer's organization and ProjectID until the project's
-- program is made (or carried onto it at once when it is there already). The first kept stands:
-- a replay or a later import's announcement changes nothing.
CREATE TABLE hmis_imported_project_facts (
  org_id      uuid NOT NULL,
  project_id  text NOT NULL,
  facts       jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, project_id)
);
