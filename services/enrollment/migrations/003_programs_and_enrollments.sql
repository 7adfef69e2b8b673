-- Programs an organization offers: grant, active dates, required registration fields and
-- eligibility criteria as data (evaluated by src/domain/eligibility.ts).
CREATE TABLE programs (
  id                           uuid PRIMARY KEY,
  org_id                       uuid NOT NULL,
  name                         text NOT NULL,
  funding_source               text NOT NULL,
  grant_number                 text,
  active_from                  date NOT NULL,
  active_to                    date,
  service_catalog_ref          text,
  required_registration_fields text[] NOT NULL DEFAULT '{}',
  eligibility_criteria         jsonb NOT NULL DEFAULT '[]',
  created_by                   uuid NOT NULL,
  created_at                   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, name),
  CHECK (active_to IS NULL OR active_to >= active_from)
);

-- A program record: the head of enrollment, the household's registration answers, and the dates
-- the program status history sets. exit_date IS NULL means active.
CREATE TABLE enrollments (
  id                           uuid PRIMARY KEY,
  program_id                   uuid NOT NULL REFERENCES programs,
  org_id                       uuid NOT NULL,
  head_participant_id          uuid NOT NULL,
  application_date             date NOT NULL,
  registration                 jsonb NOT NULL DEFAULT '{}',
  registration_date            date,
  registered_by_user_id        uuid,
  registered_by_name           text,
  participation_date           date,
  last_qualifying_service_date date,
  -- set when a contract manager removes an exit: the 90 idle days start again from here
  reopened_on                  date,
  exit_date                    date,
  exit_kind                    text,
  exit_reason                  text,
  housing_status_at_exit       text,
  status                       text NOT NULL,
  version                      integer NOT NULL DEFAULT 1,
  created_by                   uuid NOT NULL,
  created_at                   timestamptz NOT NULL DEFAULT now(),
  updated_at                   timestamptz NOT NULL DEFAULT now(),
  CHECK (exit_date IS NULL OR exit_date >= application_date)
);
-- The auto-exit job's question: open enrollments idle since before a date.
CREATE INDEX enrollments_idle_since ON enrollments
  ((greatest(coalesce(last_qualifying_service_date, application_date), coalesce(reopened_on, application_date))))
  WHERE exit_date IS NULL;
CREATE INDEX enrollments_program ON enrollments (program_id);
-- One open record per head and program: a returning participant continues it or is enrolled anew after exit.
CREATE UNIQUE INDEX enrollments_one_open
  ON enrollments (head_participant_id, program_id) WHERE exit_date IS NULL;

-- Who is in the enrollment (the head too); a removed member keeps their row for history.
CREATE TABLE enrollment_members (
  id                    bigserial PRIMARY KEY,
  enrollment_id         uuid NOT NULL REFERENCES enrollments,
  participant_id        uuid NOT NULL,
  is_head               boolean NOT NULL,
  relationship          text,
  override_reason       text,
  added_by_user_id      uuid NOT NULL,
  added_at              timestamptz NOT NULL DEFAULT now(),
  removed_by_user_id    uuid,
  removed_at            timestamptz
);
CREATE UNIQUE INDEX enrollment_members_current
  ON enrollment_members (enrollment_id, participant_id) WHERE removed_at IS NULL;
CREATE INDEX enrollment_members_participant ON enrollment_members (participant_id);

-- Program status history, newest last; nothing here is ever updated except a participation date
-- moved earlier by a back-dated service.
CREATE TABLE program_statuses (
  id                       bigserial PRIMARY KEY,
  enrollment_id            uuid NOT NULL REFERENCES enrollments,
  status                   text NOT NULL,
  status_date              date NOT NULL,
  reason                   text,
  housing_status_at_exit   text,
  removed_from_performance boolean NOT NULL DEFAULT false,
  recorded_by_user_id      uuid,
  recorded_by_name         text NOT NULL,
  recorded_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX program_statuses_enrollment ON program_statuses (enrollment_id, id);
-- Participation is set once, by the first service that starts it.
CREATE UNIQUE INDEX program_statuses_one_participation
  ON program_statuses (enrollment_id) WHERE status = 'participation';
