-- Intake's suspected duplicate pairs (issue 17: data quality counts the records in an open pair),
-- from intake.duplicate.suspected / .cleared / .dismissed, ids and score only. Each pair once,
-- lower id first; the newest announcement (intake's version) wins, a dismissal is final whatever
-- arrives after it, so any delivery order and a replay end in intake's state. A pair whose two
-- records are linked as one person (person_link_facts) is held but counted nowhere.
CREATE TABLE suspected_pairs (
  participant_a uuid NOT NULL,
  participant_b uuid NOT NULL,
  state         text NOT NULL CHECK (state IN ('open', 'cleared', 'dismissed')),
  -- null when the pair's dismissal came before (or without) its score
  score         integer CHECK (score BETWEEN 0 AND 100),
  -- intake's announcement version; 0 for a pair known only by its dismissal
  version       bigint NOT NULL,
  changed_at    timestamptz NOT NULL,
  PRIMARY KEY (participant_a, participant_b),
  CHECK (participant_a < participant_b)
);
-- the primary key finds a record's pairs as the lower id; this one as the higher
CREATE INDEX suspected_pairs_open_b ON suspected_pairs (participant_b) WHERE state = 'open';
