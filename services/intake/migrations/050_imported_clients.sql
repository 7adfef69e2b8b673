-- Clients of HMIS CSV imports (reporting.hmis-client.imported, issue 17): what became of each row of
-- a sender's export, once per importer organization, ExportID and PersonalID, so the same row
-- announced again does nothing.
CREATE TABLE imported_clients (
  org_id                   uuid NOT NULL,
  export_id                text NOT NULL,
  personal_id              text NOT NULL,
  import_id                uuid NOT NULL,
  outcome                  text NOT NULL CHECK (outcome IN ('taken_in', 'linked', 'not_taken_in')),
  -- the participant the row became; null when not taken in (no name or birth date)
  participant_id           uuid REFERENCES participants (id),
  -- the record already here it was linked to as one person
  linked_to_participant_id uuid REFERENCES participants (id),
  reason                   text,
  handled_at               timestamptz NOT NULL,
  PRIMARY KEY (org_id, export_id, personal_id)
);
CREATE INDEX imported_clients_participant ON imported_clients (participant_id);
