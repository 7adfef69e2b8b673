-- A later export's rows update what an import holds (README, "Import"): a row HUD marks deleted
-- (DateDeleted) marks ours deleted, kept so a later row with a newer DateUpdated can bring it
-- back, and left out of the export.
ALTER TABLE hmis_imported_organizations ADD COLUMN date_deleted timestamp;
ALTER TABLE hmis_imported_projects ADD COLUMN date_deleted timestamp;
ALTER TABLE hmis_imported_clients ADD COLUMN date_deleted timestamp;
ALTER TABLE hmis_imported_enrollments ADD COLUMN date_deleted timestamp;
ALTER TABLE hmis_imported_exits ADD COLUMN date_deleted timestamp;
ALTER TABLE hmis_imported_services ADD COLUMN date_deleted timestamp;
