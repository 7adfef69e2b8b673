-- Program reports (issue 17): the average days from enrollment to participation needs the date
-- participation began, which enrollment's snapshots carry; the journal holds them, so a rebuild
-- fills it for every enrollment announced before this column existed.
ALTER TABLE hmis_enrollments ADD COLUMN participation_date date;
CREATE INDEX hmis_enrollments_program ON hmis_enrollments (program_id, entry_date);
