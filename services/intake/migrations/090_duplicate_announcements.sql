-- The suspected pairs' life announced (issue 17: reporting's data quality counts the records in an
-- open pair): intake.duplicate.suspected and .cleared carry a version drawn here after the pair's
-- row is locked, in the scan's transaction, so a follower keeps each pair's newest announcement.
CREATE SEQUENCE duplicate_announcements;

-- The pairs found before they were announced: each open one once, through the outbox, so every
-- follower starts from intake's pairs (dismissed ones are final and counted nowhere: not sent).
-- ids and score only; the envelope is the lower id's record's organization's, from the scan.
INSERT INTO outbox (id, routing_key, envelope)
SELECT id, 'intake.duplicate.suspected', jsonb_build_object(
  'id', id, 'type', 'intake.duplicate.suspected', 'version', 1,
  'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'orgId', owner_org_id,
  'actor', jsonb_build_object('userId', NULL, 'name', 'duplicate scan'),
  'data', jsonb_build_object(
    'participantIds', jsonb_build_array(participant_a, participant_b),
    'score', score,
    'version', nextval('duplicate_announcements'),
    'at', to_char(found_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
FROM (SELECT gen_random_uuid() AS id, d.participant_a, d.participant_b, d.score, d.found_at,
             p.owner_org_id
      FROM suspected_duplicates d JOIN participants p ON p.id = d.participant_a
      WHERE d.dismissed_at IS NULL
      ORDER BY d.found_at, d.participant_a, d.participant_b) existing;
