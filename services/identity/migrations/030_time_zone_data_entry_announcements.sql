-- Each organization's calendar: "today" for its records (a service is never dated in the future on
-- its wall clocks). Existing agencies get the demo continuum's zone; a supervisor may change it.
ALTER TABLE organizations ADD COLUMN time_zone text NOT NULL DEFAULT 'America/Chicago'
  CHECK (length(time_zone) BETWEEN 1 AND 64);
ALTER TABLE organizations ALTER COLUMN time_zone DROP DEFAULT;

-- data_entry: types in services other staff provided, and may name them as the staff.
ALTER TABLE memberships DROP CONSTRAINT memberships_roles_check;
ALTER TABLE memberships ADD CONSTRAINT memberships_roles_check CHECK (
  cardinality(roles) >= 1 AND
  roles <@ ARRAY['caseworker', 'supervisor', 'ce_manager', 'hub_staff', 'contract_manager', 'admin',
                 'data_entry', 'system_admin']
);
ALTER TABLE invitations DROP CONSTRAINT invitations_roles_check;
ALTER TABLE invitations ADD CONSTRAINT invitations_roles_check CHECK (
  cardinality(roles) >= 1 AND
  roles <@ ARRAY['caseworker', 'supervisor', 'ce_manager', 'hub_staff', 'contract_manager', 'admin',
                 'data_entry']
);

-- The version of every organization and user event: drawn after the row is written (so locked) in
-- the transaction of the change, it rises per entity in commit order; consumers keep the newest.
CREATE SEQUENCE announcement_versions;

-- Organizations and memberships made before identity published events are announced once, here,
-- through the outbox (migrated before this scope), so other services' read models start complete.
INSERT INTO outbox (id, routing_key, envelope)
SELECT id, 'identity.organization.created', jsonb_build_object(
  'id', id, 'type', 'identity.organization.created', 'version', 1,
  'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'orgId', org_id, 'actor', jsonb_build_object('userId', NULL, 'name', 'identity'),
  'data', jsonb_build_object('organizationId', org_id, 'name', name, 'kind', kind,
                             'timeZone', time_zone, 'version', nextval('announcement_versions')))
FROM (SELECT gen_random_uuid() AS id, o.id AS org_id, o.name, o.kind, o.time_zone
      FROM organizations o ORDER BY o.created_at) existing;

INSERT INTO outbox (id, routing_key, envelope)
SELECT id, 'identity.user.created', jsonb_build_object(
  'id', id, 'type', 'identity.user.created', 'version', 1,
  'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'orgId', org_id, 'actor', jsonb_build_object('userId', NULL, 'name', 'identity'),
  'data', jsonb_build_object('userId', user_id, 'orgId', org_id, 'name', name,
                             'roles', to_jsonb(roles), 'active', active,
                             'version', nextval('announcement_versions')))
FROM (SELECT gen_random_uuid() AS id, m.user_id, m.org_id, u.name, m.roles, NOT u.disabled AS active
      FROM memberships m JOIN users u ON u.id = m.user_id ORDER BY m.created_at) existing;
