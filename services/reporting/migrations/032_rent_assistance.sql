-- The rent-assistance report (issue 17): rent-assistance's payments and housing outcomes from its
-- events (never its tables), its pre-program exits, and which services start participation and
-- which are qualifying (services' flags: Rapid Rehousing / Homeless Prevention start participation
-- without being qualifying, as rent-assistance tells them apart).
ALTER TABLE hmis_services ADD COLUMN starts_participation boolean;
ALTER TABLE hmis_services ADD COLUMN qualifying boolean;

-- a payment as it now stands (newest version), amounts in cents; never the payee
CREATE TABLE ra_payments (
  payment_id     uuid PRIMARY KEY,
  enrollment_id  uuid NOT NULL,
  participant_id uuid NOT NULL,
  hub_org_id     uuid NOT NULL,
  funding_source text NOT NULL,
  payment_type   text NOT NULL,
  covered_month  text NOT NULL, -- YYYY-MM, the month the payment covers
  amount_cents   bigint NOT NULL,
  status         text NOT NULL,
  version        integer NOT NULL
);
CREATE INDEX ra_payments_hub ON ra_payments (hub_org_id, covered_month);

-- each outcome type is recorded once per record
CREATE TABLE ra_outcomes (
  enrollment_id  uuid NOT NULL,
  type           text NOT NULL,
  housing_status text NOT NULL,
  recorded_on    date NOT NULL,
  PRIMARY KEY (enrollment_id, type)
);

-- records the hub ended before the program (rejected, or not reviewed in 45 days)
CREATE TABLE ra_pre_program_exits (
  enrollment_id uuid PRIMARY KEY,
  exit_date     date NOT NULL
);
