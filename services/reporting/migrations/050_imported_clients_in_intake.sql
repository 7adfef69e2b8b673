-- What intake made of each imported client (`intake.hmis-client.matched`), beside its row. The
-- outcome is NULL for a row never announced (an id past HUD's 32 characters stays reporting's),
-- `awaiting` once announced, then intake's answer: `taken_in`, `linked` or `not_taken_in`. The
-- first answer is kept: a repeated or late one changes nothing.
ALTER TABLE hmis_imported_clients
  ADD COLUMN intake_outcome           text CHECK (intake_outcome IN
    ('awaiting', 'taken_in', 'linked', 'not_taken_in')),
  ADD COLUMN participant_id           uuid,
  ADD COLUMN linked_to_participant_id uuid;

-- Rows imported before this migration were announced when both ids fit HUD's 32 characters.
UPDATE hmis_imported_clients c SET intake_outcome = 'awaiting'
FROM hmis_imports i
WHERE i.import_id = c.import_id AND length(c.personal_id) <= 32 AND length(i.export_id) <= 32;
