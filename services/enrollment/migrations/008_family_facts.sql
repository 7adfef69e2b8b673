-- Families move to the shared family facts (libs/families, migrated before this file): what was
-- kept here is carried over, so no family waits for intake's next change to be known again.
INSERT INTO family_facts (family_id, head_participant_id, last_event_at)
SELECT family_id, head_participant_id, last_event_at FROM families
ON CONFLICT (family_id) DO NOTHING;
INSERT INTO family_fact_members (family_id, participant_id, relationship, is_current_family)
SELECT family_id, participant_id, relationship, is_current_family FROM family_members
ON CONFLICT DO NOTHING;
DROP TABLE family_members;
DROP TABLE families;
