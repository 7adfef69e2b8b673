-- Links, undos and dismissals of duplicate records (intake's events, issue 18) in the audit trail:
-- one event concerns two records, so it is one row per record, each found in that record's trail.
ALTER TABLE audit_trail DROP CONSTRAINT audit_trail_pkey;
ALTER TABLE audit_trail ADD PRIMARY KEY (event_id, participant_id);
