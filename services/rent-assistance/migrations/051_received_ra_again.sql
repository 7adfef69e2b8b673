-- A later return: the participant's new Rent Assistance record at the same hub marks each earlier
-- exited episode "received RA again" (enrollment refuses a new record within 90 days of an exit),
-- which takes the episode out of the measures and the retention follow-ups.
ALTER TABLE ra_records ADD COLUMN received_ra_again_in uuid, ADD COLUMN received_ra_again_on date;
