-- The hub's housing outcomes of an exited record: one at exit, one 6 and one 12 months after
-- assistance ended (each recorded once); received_ra_again takes the episode out of the measures.
CREATE TABLE ra_outcomes (
  enrollment_id uuid NOT NULL REFERENCES ra_records (enrollment_id),
  type text NOT NULL CHECK (type IN ('at_exit', 'six_month_retention', 'twelve_month_retention')),
  housing_status text NOT NULL
    CHECK (housing_status IN ('housed', 'not_housed', 'unknown', 'received_ra_again')),
  recorded_on date NOT NULL,
  recorded_by uuid NOT NULL,
  PRIMARY KEY (enrollment_id, type)
);
CREATE INDEX ra_outcomes_again ON ra_outcomes (enrollment_id) WHERE housing_status = 'received_ra_again';
