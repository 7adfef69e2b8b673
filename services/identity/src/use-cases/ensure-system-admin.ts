import { randomUUID } from 'node:crypto';
import { systemAuthor } from '@hearth/bus';
import { withTransaction, type Pool } from '@hearth/db';
import { systemClock, type Clock } from '@hearth/time';
import { hashPassword } from '../adapters/passwords';
import { announceMember, announceOrganization } from '../events/announce';

// Serializes bootstraps of several instances starting at once (two-integer advisory lock space,
// apart from the migrator's one-bigint lock and the login throttle's class).
const BOOTSTRAP_LOCK = [4_148, 1] as const;

export interface SystemAdminSettings {
  email: string;
  password: string;
  /** The HMIS lead's own organization: a token always names one. */
  organization: string;
  /** The deployment's DEFAULT_TIME_ZONE, for the organization when it is made. */
  timeZone: string;
}

/** What identity makes by itself at start is announced as made by identity. */
export const atStart = (clock: Clock = systemClock) => ({
  author: systemAuthor('identity'),
  clock,
});

/**
 * How the first system_admin comes to exist: from configuration, at start. Idempotent: an existing
 * account keeps its password and name, an existing organization is reused, and the role is added
 * only where the membership is missing; what is made is announced. Returns the HMIS lead
 * organization's id.
 */
export async function ensureSystemAdmin(
  pool: Pool,
  admin: SystemAdminSettings,
  clock: Clock = systemClock,
): Promise<string> {
  const passwordHash = await hashPassword(admin.password); // slow on purpose: outside the transaction
  return withTransaction(pool, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [...BOOTSTRAP_LOCK]);
    const made = await tx.query<{ id: string }>(
      `INSERT INTO organizations (id, name, kind, time_zone) VALUES ($1, $2, 'other', $3)
       ON CONFLICT DO NOTHING RETURNING id`,
      [randomUUID(), admin.organization, admin.timeZone],
    );
    if (made.rows[0]) await announceOrganization(tx, 'created', made.rows[0].id, atStart(clock));
    await tx.query(
      `INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'HMIS Lead Administrator', $3)
       ON CONFLICT (email) DO NOTHING`,
      [randomUUID(), admin.email, passwordHash],
    );
    const { rows } = await tx.query<{ id: string; userId: string }>(
      `INSERT INTO memberships (user_id, org_id, roles)
       SELECT u.id, o.id, ARRAY['system_admin'] FROM users u, organizations o
       WHERE u.email = $1 AND lower(o.name) = lower($2)
       ON CONFLICT (user_id, org_id) DO NOTHING
       RETURNING org_id AS id, user_id AS "userId"`,
      [admin.email, admin.organization],
    );
    if (rows[0]) {
      const member = { userId: rows[0].userId, orgId: rows[0].id };
      await announceMember(tx, 'created', member, atStart(clock));
      return rows[0].id;
    }
    const existing = await tx.query<{ id: string }>(
      'SELECT id FROM organizations WHERE lower(name) = lower($1)',
      [admin.organization],
    );
    return existing.rows[0].id;
  });
}
