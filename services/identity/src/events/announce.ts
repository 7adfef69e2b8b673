import { recordEvent, type EventAuthor } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import {
  OrganizationCreated,
  OrganizationUpdated,
  UserCreated,
  UserUpdated,
  createEvent,
} from '@hearth/events';
import type { Clock } from '@hearth/time';

/**
 * Identity's facts for other services, written to the outbox in the caller's transaction after the
 * change (whose row lock orders the version): the organization or the membership as it now stands.
 */
export async function announceOrganization(
  tx: Queryable,
  change: 'created' | 'updated',
  organizationId: string,
  by: { author: EventAuthor; clock: Clock },
): Promise<void> {
  const { rows } = await tx.query<{
    name: string;
    kind: string;
    timeZone: string;
    version: string;
  }>(
    `SELECT name, kind, time_zone AS "timeZone", nextval('announcement_versions') AS version
     FROM organizations WHERE id = $1`,
    [organizationId],
  );
  const { version, ...org } = rows[0];
  await recordEvent(
    tx,
    createEvent(change === 'created' ? OrganizationCreated : OrganizationUpdated, {
      orgId: organizationId,
      ...by.author,
      occurredAt: by.clock(),
      data: { organizationId, ...org, version: Number(version) },
    }),
  );
}

/**
 * A user as one organization knows them. Without the membership (removed) or with the account
 * disabled, the user is announced inactive, with no roles there.
 */
export async function announceMember(
  tx: Queryable,
  change: 'created' | 'updated',
  member: { userId: string; orgId: string },
  by: { author: EventAuthor; clock: Clock },
): Promise<void> {
  const { rows } = await tx.query<{
    name: string;
    roles: string[];
    active: boolean;
    version: string;
  }>(
    `SELECT u.name, COALESCE(m.roles, '{}') AS roles,
            (m.user_id IS NOT NULL AND NOT u.disabled) AS active,
            nextval('announcement_versions') AS version
     FROM users u LEFT JOIN memberships m ON m.user_id = u.id AND m.org_id = $2
     WHERE u.id = $1`,
    [member.userId, member.orgId],
  );
  const { version, ...facts } = rows[0];
  await recordEvent(
    tx,
    createEvent(change === 'created' ? UserCreated : UserUpdated, {
      orgId: member.orgId,
      ...by.author,
      occurredAt: by.clock(),
      data: { ...member, ...facts, version: Number(version) },
    }),
  );
}
