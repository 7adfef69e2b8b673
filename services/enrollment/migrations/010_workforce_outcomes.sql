-- Workforce outcomes (I-Trac Keys to Progress, Outcomes tab): the jobs a participant of an
-- enrollment holds, in program or after exit, with pay and benefits as history (a raise is a new
-- entry, never an overwrite), the confirmations that make a job count toward performance, and
-- the credentials earned.
CREATE TABLE employments (
  id               uuid PRIMARY KEY,
  enrollment_id    uuid NOT NULL REFERENCES enrollments,
  participant_id   uuid NOT NULL,
  org_id           uuid NOT NULL,
  start_date       date NOT NULL,
  end_date         date,
  employment_type  text NOT NULL,
  employer         text NOT NULL,
  naics_code       text NOT NULL,
  naics_title      text NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  recorded_by      uuid NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX employments_enrollment ON employments (enrollment_id, start_date);

CREATE TABLE employment_pay_entries (
  id                uuid PRIMARY KEY,
  employment_id     uuid NOT NULL REFERENCES employments,
  effective_date    date NOT NULL,
  onet_code         text NOT NULL,
  onet_title        text NOT NULL,
  hourly_pay_cents  integer NOT NULL CHECK (hourly_pay_cents >= 0),
  hours_per_week    numeric(5, 2) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 168),
  benefits          text[] NOT NULL DEFAULT '{}',
  recorded_by       uuid NOT NULL,
  recorded_at       timestamptz NOT NULL DEFAULT now(),
  -- one entry per effective date: a change of pay is a new date
  UNIQUE (employment_id, effective_date)
);

CREATE TABLE employment_confirmations (
  id                  uuid PRIMARY KEY,
  employment_id       uuid NOT NULL REFERENCES employments,
  confirmation_date   date NOT NULL,
  kind                text NOT NULL,
  period              text NOT NULL,
  status              text NOT NULL,
  period_start        date NOT NULL,
  period_end          date NOT NULL,
  related_service_id  uuid,
  staff_user_id       uuid NOT NULL,
  staff_name          text NOT NULL,
  recorded_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end >= period_start)
);
CREATE INDEX employment_confirmations_employment ON employment_confirmations (employment_id);

CREATE TABLE credentials (
  id                  uuid PRIMARY KEY,
  enrollment_id       uuid NOT NULL REFERENCES enrollments,
  participant_id      uuid NOT NULL,
  org_id              uuid NOT NULL,
  credential_date     date NOT NULL,
  credential_type     text NOT NULL,
  name                text NOT NULL,
  status              text NOT NULL,
  documentation       text NOT NULL,
  related_service_id  uuid,
  recorded_by         uuid NOT NULL,
  recorded_by_name    text NOT NULL,
  recorded_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credentials_enrollment ON credentials (enrollment_id, credential_date);

-- Whose service each fact is, so a confirmation or a credential naming a training service can
-- refuse another participant's (facts kept before this column stay unknown: refused).
ALTER TABLE enrollment_service_facts ADD COLUMN participant_id uuid;
