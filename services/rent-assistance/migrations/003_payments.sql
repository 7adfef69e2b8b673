-- The payments ledger: never deleted, voided with a reason. Non-voided payments of a plan never sum
-- over its cap (the plan row is locked while one is added).
CREATE TABLE payments (
  id uuid PRIMARY KEY,
  enrollment_id uuid NOT NULL REFERENCES ra_records (enrollment_id),
  plan_id uuid NOT NULL REFERENCES payment_plans (id),
  payment_date date NOT NULL,
  payment_type text NOT NULL,
  paid_to text NOT NULL,
  payee text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  housing_type text NOT NULL,
  ra_eligible boolean NOT NULL,
  adjustment_reason text,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'paid', 'voided')),
  void_reason text,
  entered_by uuid NOT NULL,
  approved_by uuid,
  modified_by uuid NOT NULL,
  modified_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK (status <> 'voided' OR void_reason IS NOT NULL)
);
CREATE INDEX payments_plan ON payments (plan_id) WHERE status <> 'voided';
CREATE INDEX payments_enrollment ON payments (enrollment_id, year, month);
-- a month is paid once per type and record; an adjustment (with its reason) is the only second
CREATE UNIQUE INDEX payments_month_once ON payments (enrollment_id, payment_type, year, month)
  WHERE status <> 'voided' AND adjustment_reason IS NULL;
