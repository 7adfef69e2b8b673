-- Rent-assistance records: enrollment's RA enrollments as its snapshots tell them (never its
-- tables), plus what is this service's own: the hub's review and the pre-program exit it decides.
CREATE TABLE ra_records (
  enrollment_id uuid PRIMARY KEY,
  program_id uuid NOT NULL,
  coach_org_id uuid NOT NULL,
  hub_org_id uuid NOT NULL,
  participant_id uuid NOT NULL,
  application_date date NOT NULL,
  participation_date date,
  exit_date date,
  status text NOT NULL,
  snapshot_at timestamptz NOT NULL,
  reviewed_on date,
  reviewed_by uuid,
  pre_program_exit_on date,
  pre_program_exit_reason text,
  rejection_case_note_id uuid,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX ra_records_participant ON ra_records (participant_id);
-- the 45-day job reads only the records still waiting for the hub
CREATE INDEX ra_records_awaiting_review ON ra_records (application_date)
  WHERE reviewed_on IS NULL AND pre_program_exit_on IS NULL AND exit_date IS NULL;

-- documents' events: what a review asks for (career plan, signed application), never content
CREATE TABLE participant_documents (
  document_id uuid PRIMARY KEY,
  participant_id uuid NOT NULL,
  org_id uuid NOT NULL,
  category text NOT NULL,
  document_type text NOT NULL,
  document_date date NOT NULL,
  uploaded_on date NOT NULL,
  deleted boolean NOT NULL DEFAULT false
);
CREATE INDEX participant_documents_participant ON participant_documents (participant_id, category);

-- services' events on RA records: coaching copied in (engagement, LQ), the hub's own types
CREATE TABLE record_services (
  service_id uuid PRIMARY KEY,
  enrollment_id uuid NOT NULL,
  participant_id uuid NOT NULL,
  service_date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('coaching', 'housing_support', 'final_rent_exit')),
  deleted boolean NOT NULL DEFAULT false,
  version integer NOT NULL
);
CREATE INDEX record_services_enrollment ON record_services (enrollment_id, service_date);

-- prosperity budgets: each save is kept (the review asks for the latest saved date)
CREATE TABLE budgets (
  id uuid PRIMARY KEY,
  participant_id uuid NOT NULL,
  org_id uuid NOT NULL,
  saved_on date NOT NULL,
  saved_by uuid NOT NULL,
  saved_at timestamptz NOT NULL,
  income_cents bigint NOT NULL CHECK (income_cents >= 0),
  expense_cents bigint NOT NULL CHECK (expense_cents >= 0)
);
CREATE INDEX budgets_participant ON budgets (participant_id, saved_at DESC);
CREATE TABLE budget_lines (
  budget_id uuid NOT NULL REFERENCES budgets (id),
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('income', 'expense')),
  label text NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  PRIMARY KEY (budget_id, position)
);

-- services' case notes, ids and owners only: a rejection must name a live note about the record's
-- participant written at the hub
CREATE TABLE case_notes (
  note_id uuid PRIMARY KEY,
  participant_id uuid NOT NULL,
  org_id uuid NOT NULL,
  deleted boolean NOT NULL DEFAULT false
);
