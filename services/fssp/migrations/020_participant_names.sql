-- The names of participants as intake announces them (intake.participant.created|updated), for the
-- print alone; who may see each name is decided at print time from the sharing facts.
CREATE TABLE participant_names (
  participant_id uuid PRIMARY KEY,
  first_name text NOT NULL,
  middle_name text,
  last_name text NOT NULL,
  -- the event's time: a snapshot older than the one kept changes nothing
  as_of timestamptz NOT NULL
);
