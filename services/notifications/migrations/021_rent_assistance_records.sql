-- Rent Assistance records (enrollment's snapshots of kind rent_assistance, rent-assistance's review
-- and pre-program exit), as far as the review reminder needs them. A fact may arrive before the
-- snapshot: the columns it does not carry wait, nullable, and the job skips an incomplete row.
CREATE TABLE ra_records_seen (
  enrollment_id uuid PRIMARY KEY,
  participant_id uuid NOT NULL,
  coach_org_id uuid,
  hub_org_id uuid NOT NULL,
  application_date date,
  reviewed_on date,
  ended_on date
);
