-- The months each Rent Assistance record's engagement was verified (rent-assistance's
-- engagement.verified): a month missing after the 10th of the next reminds the hub and the coach.
CREATE TABLE ra_engagements_seen (
  enrollment_id uuid NOT NULL,
  year int NOT NULL,
  month int NOT NULL,
  PRIMARY KEY (enrollment_id, year, month)
);
