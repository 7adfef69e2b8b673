-- The read model HUD's HMIS CSV export is made from, laid out close to the CSV files (as Open Path
-- does), fed only by other services' events. Every event it applied is kept in event_journal, in
-- the order it arrived, so the whole model can be rebuilt by replaying it (README, "Rebuild").

CREATE TABLE event_journal (
  seq         bigserial PRIMARY KEY,
  event_id    uuid NOT NULL,
  -- the consumer that applied it: one event may feed several (identity's feed two)
  queue       text NOT NULL,
  envelope    jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, queue)
);

-- Client.csv: intake's participant facts (never the SSN: intake does not announce it).
CREATE TABLE hmis_clients (
  personal_id   uuid PRIMARY KEY,
  owner_org_id  uuid NOT NULL,
  first_name    text NOT NULL,
  middle_name   text,
  last_name     text NOT NULL,
  dob           date NOT NULL,
  sex           text,
  -- occurredAt of the snapshot applied: an older snapshot delivered late is ignored
  last_event_at timestamptz NOT NULL,
  date_created  timestamptz NOT NULL,
  user_id       uuid
);

-- Enrollment.csv (with the household's members) and Project.csv (the programs enrolled in).
CREATE TABLE hmis_enrollments (
  enrollment_id        uuid PRIMARY KEY,
  program_id           uuid NOT NULL,
  program_kind         text,
  org_id               uuid NOT NULL,
  provider_org_id      uuid NOT NULL,
  head_participant_id  uuid NOT NULL,
  member_ids           uuid[] NOT NULL,
  entry_date           date NOT NULL,
  exit_date            date,
  status               text NOT NULL,
  last_event_at        timestamptz NOT NULL,
  date_created         timestamptz NOT NULL,
  user_id              uuid
);
CREATE INDEX hmis_enrollments_org ON hmis_enrollments (provider_org_id, entry_date);
CREATE INDEX hmis_enrollments_owner ON hmis_enrollments (org_id, entry_date);

-- Exit.csv: one exit per enrollment, for each of its members.
CREATE TABLE hmis_exits (
  enrollment_id        uuid PRIMARY KEY,
  exit_date            date NOT NULL,
  kind                 text NOT NULL,
  reason               text NOT NULL,
  housing_status       text,
  last_event_at        timestamptz NOT NULL,
  date_created         timestamptz NOT NULL,
  user_id              uuid
);

-- Services.csv
CREATE TABLE hmis_services (
  service_id      uuid PRIMARY KEY,
  participant_id  uuid NOT NULL,
  enrollment_id   uuid NOT NULL,
  service_type_id text NOT NULL,
  date_provided   date NOT NULL,
  version         integer NOT NULL,
  date_created    timestamptz NOT NULL,
  date_updated    timestamptz NOT NULL,
  date_deleted    timestamptz,
  user_id         uuid
);
CREATE INDEX hmis_services_enrollment ON hmis_services (enrollment_id);

-- IncomeBenefits.csv, HealthAndDV.csv, EmploymentEducation.csv, Disabilities.csv, ...: HUD's coded
-- answers by element set, as enrollment announced them.
CREATE TABLE hmis_assessments (
  assessment_id    uuid PRIMARY KEY,
  enrollment_id    uuid NOT NULL,
  participant_id   uuid NOT NULL,
  org_id           uuid NOT NULL,
  stage            text NOT NULL,
  information_date date NOT NULL,
  restriction      text NOT NULL,
  elements         jsonb NOT NULL,
  version          integer NOT NULL,
  date_created     timestamptz NOT NULL,
  date_updated     timestamptz NOT NULL,
  user_id          uuid
);
CREATE INDEX hmis_assessments_enrollment ON hmis_assessments (enrollment_id);

-- Organization.csv and User.csv dates: when identity announced each first and last (the directory
-- tables of libs/directory keep only when they were received, which a rebuild would change).
CREATE TABLE hmis_directory_stamps (
  kind         text NOT NULL CHECK (kind IN ('organization', 'user')),
  id           uuid NOT NULL,
  date_created timestamptz NOT NULL,
  date_updated timestamptz NOT NULL,
  PRIMARY KEY (kind, id)
);
