-- The coach's monthly engagement checks: one per record and month, due by the 10th of the next.
CREATE TABLE engagement_checks (
  enrollment_id uuid NOT NULL REFERENCES ra_records (enrollment_id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  activities text[] NOT NULL,
  engaged boolean NOT NULL,
  verified_on date NOT NULL,
  verified_by uuid NOT NULL,
  late boolean NOT NULL,
  PRIMARY KEY (enrollment_id, year, month)
);

-- Payment and services plans: one per record and funding source (held by the key).
CREATE TABLE payment_plans (
  id uuid PRIMARY KEY,
  enrollment_id uuid NOT NULL REFERENCES ra_records (enrollment_id),
  funding_source text NOT NULL,
  approved_payment_types text[] NOT NULL,
  cap_cents bigint NOT NULL CHECK (cap_cents >= 0),
  target_end_date date NOT NULL,
  end_date date,
  housing_status_at_funding_end text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (enrollment_id, funding_source),
  CHECK (end_date IS NULL OR housing_status_at_funding_end IS NOT NULL)
);
