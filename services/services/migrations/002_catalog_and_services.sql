-- The generator's placeholder table gives way to the service records below.
DROP TABLE services_records;

-- Enrollment's read model: just what a service record checks ("an enrollment of this participant,
-- active on that date"). snapshot_at is the occurredAt of the snapshot applied, so an older
-- snapshot delivered late never overwrites a newer one.
CREATE TABLE enrollments (
  id uuid PRIMARY KEY,
  program_id uuid NOT NULL,
  org_id uuid NOT NULL,
  head_participant_id uuid NOT NULL,
  application_date date NOT NULL,
  exit_date date,
  status text NOT NULL,
  snapshot_at timestamptz NOT NULL
);
CREATE TABLE enrollment_members (
  enrollment_id uuid NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
  participant_id uuid NOT NULL,
  PRIMARY KEY (enrollment_id, participant_id)
);
CREATE INDEX enrollment_members_participant ON enrollment_members (participant_id);

-- The service catalog of a program, its rules as data; a supervisor edits it (versioned).
CREATE TABLE service_types (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  program_id uuid NOT NULL,
  name text NOT NULL,
  requires_comment boolean NOT NULL,
  requires_provided_by boolean NOT NULL,
  provided_by_options text[] NOT NULL,
  starts_participation boolean NOT NULL,
  updates_last_qualifying_date boolean NOT NULL,
  dated boolean NOT NULL,
  training boolean NOT NULL,
  units_allowed boolean NOT NULL,
  amount_allowed boolean NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (program_id, name)
);

CREATE TABLE services (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  participant_id uuid NOT NULL,
  enrollment_id uuid NOT NULL REFERENCES enrollments (id),
  service_type_id uuid NOT NULL REFERENCES service_types (id),
  service_date date NOT NULL,
  staff_user_id uuid NOT NULL,
  comment text,
  provided_by text,
  start_date date,
  target_end_date date,
  status text,
  units numeric(10, 2),
  amount_cents bigint,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
-- newest first per participant, id breaking ties (the cursor's order)
CREATE INDEX services_participant ON services (participant_id, service_date DESC, id DESC);
