-- Client.csv's race, veteran status and SSN data quality, from intake's participant events. NULL:
-- the event that made the row predates these facts (exported as not collected). Never the SSN:
-- intake announces only whether it holds one (full, refused or none).
ALTER TABLE hmis_clients
  ADD COLUMN race           text[],
  ADD COLUMN veteran_status text,
  ADD COLUMN ssn_status     text;
