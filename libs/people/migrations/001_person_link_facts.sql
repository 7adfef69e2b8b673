-- Intake's links of participant records as one person (intake.person.linked / .unlinked). A link
-- is never active again once undone (linking again is a new link), so an undo that arrives before
-- its link still ends it.
CREATE TABLE person_link_facts (
  link_id         uuid PRIMARY KEY,
  person_id       uuid NOT NULL,
  participant_ids uuid[] NOT NULL,
  linked_at       timestamptz NOT NULL,
  unlinked_at     timestamptz
);
CREATE INDEX person_link_facts_active ON person_link_facts USING gin (participant_ids)
  WHERE unlinked_at IS NULL;
