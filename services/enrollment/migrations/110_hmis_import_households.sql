-- An imported household member joins its head's imported enrollment: the head is found by the
-- sender's HouseholdID within the same organization and ExportID, and the members waiting on a
-- head by the same key.
CREATE INDEX hmis_import_enrollments_household
  ON hmis_import_enrollments (org_id, export_id, (data->>'householdId'));
