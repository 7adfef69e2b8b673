-- Keys to Progress (I-Trac, Payments tab): enrollment's workforce enrollments as its snapshots tell
-- them, apart from the Rent Assistance records (no hub review, no 45 days, no rent rules), and the
-- services on them (a training payment names a training service record of the record).
CREATE TABLE workforce_records (
  enrollment_id uuid PRIMARY KEY,
  program_id uuid NOT NULL,
  org_id uuid NOT NULL,
  provider_org_id uuid NOT NULL,
  participant_id uuid NOT NULL,
  application_date date NOT NULL,
  exit_date date,
  status text NOT NULL,
  snapshot_at timestamptz NOT NULL
);
CREATE TABLE workforce_services (
  service_id uuid PRIMARY KEY,
  enrollment_id uuid NOT NULL REFERENCES workforce_records (enrollment_id),
  participant_id uuid NOT NULL,
  service_date date NOT NULL,
  category text,
  deleted boolean NOT NULL,
  version integer NOT NULL
);

-- The same ledger holds the training and support payments: the rent fields are the rent
-- category's only, the record is either kind (so no foreign key to ra_records any more).
ALTER TABLE payments DROP CONSTRAINT payments_enrollment_id_fkey;
ALTER TABLE payments
  ADD COLUMN category text NOT NULL DEFAULT 'rent_assistance'
    CHECK (category IN ('rent_assistance', 'training_education', 'support_service')),
  ALTER COLUMN plan_id DROP NOT NULL,
  ALTER COLUMN year DROP NOT NULL,
  ALTER COLUMN month DROP NOT NULL,
  ALTER COLUMN housing_type DROP NOT NULL,
  ALTER COLUMN ra_eligible DROP NOT NULL,
  ADD COLUMN training_service_id uuid,
  ADD COLUMN other_resources_unavailable boolean,
  ADD COLUMN timeframe_start date,
  ADD COLUMN timeframe_end date,
  ADD CONSTRAINT payments_rent_fields CHECK (category <> 'rent_assistance' OR (plan_id IS NOT NULL
    AND year IS NOT NULL AND month IS NOT NULL AND housing_type IS NOT NULL
    AND ra_eligible IS NOT NULL)),
  ADD CONSTRAINT payments_training_fields
    CHECK (category <> 'training_education' OR training_service_id IS NOT NULL),
  -- the guide's rule: support is paid only when other resources are unavailable
  ADD CONSTRAINT payments_support_fields CHECK (category <> 'support_service'
    OR (other_resources_unavailable AND timeframe_start IS NOT NULL
        AND timeframe_end >= timeframe_start));

-- A workforce record's optional payment plan: planned cents per category. Non-voided payments of
-- a category never sum over its planned amount (the record's row is locked while one is added).
CREATE TABLE workforce_plan_lines (
  enrollment_id uuid NOT NULL REFERENCES workforce_records (enrollment_id),
  category text NOT NULL CHECK (category IN ('training_education', 'support_service')),
  planned_cents bigint NOT NULL CHECK (planned_cents >= 0),
  PRIMARY KEY (enrollment_id, category)
);
