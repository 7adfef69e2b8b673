-- Duplicates found after intake, and links of two records as one person (issue 18).
-- The background scan compares each participant with the records like it once per change:
-- match_scanned_at holds the updated_at it was last scanned at, so an edit is scanned again.
ALTER TABLE participants ADD COLUMN match_scanned_at timestamptz;
CREATE INDEX participants_match_unscanned ON participants (updated_at)
  WHERE match_scanned_at IS NULL OR match_scanned_at < updated_at;

-- A suspected pair, stored once with the lower id first; score and reasons as the intake check
-- gives them. A dismissal is final for the pair (a rescan never shows it again).
CREATE TABLE suspected_duplicates (
  participant_a    uuid NOT NULL REFERENCES participants (id),
  participant_b    uuid NOT NULL REFERENCES participants (id),
  score            integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  reasons          text[] NOT NULL,
  found_at         timestamptz NOT NULL,
  dismissed_at     timestamptz,
  dismissed_by     uuid,
  dismissed_org_id uuid,
  dismissed_reason text,
  PRIMARY KEY (participant_a, participant_b),
  CHECK (participant_a < participant_b)
);
CREATE INDEX suspected_duplicates_open ON suspected_duplicates (score DESC, participant_a, participant_b)
  WHERE dismissed_at IS NULL;

-- A link of two records as one person: neither record changes. The person answers with the
-- surviving record's identity; who, when and why are kept, and an undo ends the link for good.
CREATE TABLE person_links (
  id                       uuid PRIMARY KEY,
  surviving_participant_id uuid NOT NULL REFERENCES participants (id),
  linked_participant_id    uuid NOT NULL REFERENCES participants (id),
  reason                   text NOT NULL,
  linked_by                uuid NOT NULL,
  linked_org_id            uuid NOT NULL,
  linked_at                timestamptz NOT NULL,
  unlinked_by              uuid,
  unlinked_org_id          uuid,
  unlinked_at              timestamptz,
  unlink_reason            text,
  CHECK (surviving_participant_id <> linked_participant_id)
);
-- One active link per record (chains of three or more are not linked yet): the database holds it.
CREATE TABLE linked_records (
  participant_id uuid PRIMARY KEY REFERENCES participants (id),
  link_id        uuid NOT NULL REFERENCES person_links (id)
);
CREATE INDEX linked_records_link ON linked_records (link_id);
