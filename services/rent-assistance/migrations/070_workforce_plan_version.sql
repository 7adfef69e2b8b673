-- The version of a workforce record's payment plan (0: never set), so two hub users editing the
-- plan at once do not overwrite each other: a PUT names the version it read. On the record's row,
-- which a plan change locks already; enrollment's snapshots never write this column.
ALTER TABLE workforce_records ADD COLUMN plan_version integer NOT NULL DEFAULT 0;
