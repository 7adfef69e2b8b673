-- Project.csv's name and operating dates, from enrollment's program events (the whole state at
-- its version: an older one delivered late is ignored). A program enrolled in before its event
-- arrived is still exported, named by its id and dated by its first entry.
CREATE TABLE hmis_projects (
  program_id      uuid PRIMARY KEY,
  org_id          uuid NOT NULL,
  name            text NOT NULL,
  funding_source  text NOT NULL,
  grant_number    text,
  active_from     date NOT NULL,
  active_to       date,
  version         integer NOT NULL,
  date_created    timestamptz NOT NULL,
  date_updated    timestamptz NOT NULL,
  user_id         uuid
);
