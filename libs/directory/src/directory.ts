import { join } from 'node:path';
import type { MigrationSource, Queryable } from '@hearth/db';
import type { OrganizationFacts, OrgUserFacts } from '@hearth/events';
import { earliestToday, isTimeZone, todayIn, type Clock } from '@hearth/time';

/** The organizations and org_users tables; every service that keeps identity's facts migrates them. */
export const directoryMigrations: MigrationSource = {
  scope: 'directory',
  dir: join(__dirname, '..', 'migrations'),
};

/**
 * Keep the organization unless the same or a newer version is here (INSERT … ON CONFLICT holds
 * the row, so concurrent deliveries agree). True when it was applied.
 */
export async function applyOrganization(tx: Queryable, o: OrganizationFacts): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO organizations (id, name, kind, time_zone, version) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
       time_zone = EXCLUDED.time_zone, version = EXCLUDED.version, received_at = now()
     WHERE organizations.version < EXCLUDED.version`,
    [o.organizationId, o.name, o.kind, o.timeZone, o.version],
  );
  return rowCount === 1;
}

/** Keep the user of an organization unless the same or a newer version is here. */
export async function applyOrgUser(tx: Queryable, u: OrgUserFacts): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO org_users (org_id, user_id, name, roles, active, version)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (org_id, user_id) DO UPDATE SET name = EXCLUDED.name, roles = EXCLUDED.roles,
       active = EXCLUDED.active, version = EXCLUDED.version, received_at = now()
     WHERE org_users.version < EXCLUDED.version`,
    [u.orgId, u.userId, u.name, u.roles, u.active, u.version],
  );
  return rowCount === 1;
}

export interface KnownOrganization {
  id: string;
  name: string;
  kind: string;
  timeZone: string;
}

export async function organizationOf(
  db: Queryable,
  id: string,
): Promise<KnownOrganization | undefined> {
  const { rows } = await db.query<KnownOrganization>(
    'SELECT id, name, kind, time_zone AS "timeZone" FROM organizations WHERE id = $1',
    [id],
  );
  return rows[0];
}

export interface OrgUser {
  userId: string;
  orgId: string;
  name: string;
  roles: string[];
  active: boolean;
}

/** The user as `orgId` knows them; undefined for a user never of that organization. */
export async function orgUserOf(
  db: Queryable,
  orgId: string,
  userId: string,
): Promise<OrgUser | undefined> {
  const { rows } = await db.query<OrgUser>(
    `SELECT user_id AS "userId", org_id AS "orgId", name, roles, active
     FROM org_users WHERE org_id = $1 AND user_id = $2`,
    [orgId, userId],
  );
  return rows[0];
}

/** Several memberships at once (the names on a print), in one query; the unknown are left out. */
export async function orgUsersOf(
  db: Queryable,
  memberships: readonly { orgId: string; userId: string }[],
): Promise<OrgUser[]> {
  const { rows } = await db.query<OrgUser>(
    `SELECT user_id AS "userId", org_id AS "orgId", name, roles, active
     FROM org_users
     WHERE (org_id, user_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
    [memberships.map((m) => m.orgId), memberships.map((m) => m.userId)],
  );
  return rows;
}

/**
 * "Today" on the organization's calendar, for rules such as "never in the future". While its time
 * zone has not arrived (or is not one this runtime knows) the answer is the earliest date on Earth
 * (UTC−12): a date that is today nowhere yet is refused, never a future date accepted. Falling back
 * to UTC instead would let a worker west of UTC date a service tomorrow every evening.
 */
export async function organizationToday(
  db: Queryable,
  orgId: string,
  clock: Clock,
): Promise<string> {
  const org = await organizationOf(db, orgId);
  return org && isTimeZone(org.timeZone) ? todayIn(clock, org.timeZone) : earliestToday(clock);
}
