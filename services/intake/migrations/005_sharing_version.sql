-- Sharing versions: every change to who may see a participant (restriction, releases) increments
-- sharing_version in the transaction of the change, and the intake.sharing.changed v2 event it
-- announces carries the whole sharing state with that version, so consumers keep only the newest.
ALTER TABLE participants ADD COLUMN sharing_version bigint NOT NULL DEFAULT 0;

-- Participants from before versions: version 1, announced once through the outbox, so every
-- consumer's sharing facts start from intake's current state (v1 events carried no releases).
UPDATE participants SET sharing_version = 1;

INSERT INTO outbox (id, routing_key, envelope)
SELECT e.id, 'intake.sharing.changed', jsonb_build_object(
  'id', e.id,
  'type', 'intake.sharing.changed',
  'version', 2,
  'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'orgId', p.owner_org_id,
  'actor', jsonb_build_object('userId', NULL, 'name', 'Sharing versions (migration)'),
  'data', jsonb_build_object(
    'participantId', p.id,
    'ownerOrgId', p.owner_org_id,
    'securityRestriction', p.security_restriction,
    'sharingVersion', 1,
    'releases', coalesce((
      SELECT jsonb_agg(jsonb_build_object(
          'releaseId', r.id,
          'toOrgId', r.to_org_id,
          'beginDate', to_char(r.begin_date, 'YYYY-MM-DD'),
          'endDate', to_char(r.end_date, 'YYYY-MM-DD'),
          'revokedAt', to_char(r.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        ORDER BY r.created_at, r.id)
      FROM information_releases r WHERE r.participant_id = p.id), '[]'::jsonb)))
FROM participants p CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id) e;
