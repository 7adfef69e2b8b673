-- The workforce contract report (issue 17): enrollment's workforce events (jobs, their
-- confirmations, credentials: ids, codes and dates only) and whether an exit removes the
-- participant from performance (as enrollment announced it, never re-derived here).
ALTER TABLE hmis_exits ADD COLUMN removed_from_performance boolean NOT NULL DEFAULT false;

CREATE TABLE wf_employments (
  employment_id   uuid PRIMARY KEY,
  enrollment_id   uuid NOT NULL,
  participant_id  uuid NOT NULL,
  employment_type text NOT NULL,
  version         integer NOT NULL
);
CREATE INDEX wf_employments_enrollment ON wf_employments (enrollment_id);

CREATE TABLE wf_confirmations (
  confirmation_id uuid PRIMARY KEY,
  employment_id   uuid NOT NULL,
  enrollment_id   uuid NOT NULL,
  kind            text NOT NULL,
  period          text NOT NULL,
  status          text NOT NULL
);
CREATE INDEX wf_confirmations_enrollment ON wf_confirmations (enrollment_id);

CREATE TABLE wf_credentials (
  credential_id  uuid PRIMARY KEY,
  enrollment_id  uuid NOT NULL,
  status         text NOT NULL
);
CREATE INDEX wf_credentials_enrollment ON wf_credentials (enrollment_id);
